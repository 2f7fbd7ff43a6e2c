import { $createLinkNode, $isLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
  type BaseSelection,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { toLinkUrl } from './toLinkUrl';
import './LinkEditor.css';

/** Opens the link popover for the current selection (toolbar button, Ctrl/Cmd+K), ready to type. */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

interface Popover {
  /** 'view': an existing link's address with Edit / Remove, the caret still in the text. */
  mode: 'view' | 'edit';
  url: string;
  top: number;
  left: number;
  /** Where a new link goes (null when showing an existing one: it is changed by its key). */
  selection: BaseSelection | null;
  /** The link being shown or edited; null when a new link is being made. */
  linkKey: string | null;
}

function $linkOf(node: LexicalNode | null): LinkNode | null {
  if (!node) return null;
  const link = $isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode);
  return $isLinkNode(link) ? link : null;
}

/**
 * A small popover to add, edit or remove the link on the selection; refuses unsafe schemes.
 * Clicking a link in the body (or Ctrl/Cmd+K with the caret in it) shows it anchored to the link.
 * A click on a link never navigates: the body is a document being written, not a page to browse.
 */
export default function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [popover, setPopover] = useState<Popover | null>(null);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const current = useRef<Popover | null>(null);
  current.current = popover;

  useEffect(() => {
    if (!editor.hasNodes([LinkNode])) throw new Error('LinkEditorPlugin: LinkNode is not registered on the editor');

    /** Below the link's own box when there is one, else below the selection, else the body's top. */
    const anchorOf = (linkKey: string | null) => {
      const box =
        (linkKey ? editor.getElementByKey(linkKey)?.getBoundingClientRect() : undefined) ??
        window.getSelection()?.getRangeAt(0)?.getBoundingClientRect();
      const root = editor.getRootElement()?.getBoundingClientRect();
      return {
        top: (box && box.bottom > 0 ? box.bottom : (root?.top ?? 0)) + 6,
        left: box && box.left > 0 ? box.left : (root?.left ?? 0),
      };
    };

    const onRootClick = (event: MouseEvent) => {
      const root = editor.getRootElement();
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      if (!root || !anchor || !root.contains(anchor)) return;
      // Any button, any modifier: no navigation, no new window, from inside the body.
      event.preventDefault();
      if (event.type !== 'click' || event.button !== 0) return;
      const found = editor.read(() => {
        const link = $linkOf($getNearestNodeFromDOMNode(anchor));
        return link ? { key: link.getKey(), url: link.getURL() } : null;
      });
      if (!found) return;
      setInvalid(false);
      setPopover({ mode: 'view', url: found.url, linkKey: found.key, selection: null, ...anchorOf(found.key) });
    };

    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onRootClick);
        previous?.removeEventListener('auxclick', onRootClick);
        root?.addEventListener('click', onRootClick);
        root?.addEventListener('auxclick', onRootClick);
      }),
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const link = $linkOf(selection.anchor.getNode());
          setInvalid(false);
          setPopover({
            mode: 'edit',
            url: link ? link.getURL() : '',
            selection: selection.clone(),
            linkKey: link ? link.getKey() : null,
            ...anchorOf(link ? link.getKey() : null),
          });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) {
            return false;
          }
          event.preventDefault();
          return editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
        },
        COMMAND_PRIORITY_NORMAL,
      ),
      // Esc in the text closes a link's bubble (in the popover's own field, onKeyDown does).
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          if (!current.current) return false;
          // Marked as taken, so focus mode (useFocusMode) does not also leave on the same Esc.
          event.preventDefault();
          setPopover(null);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
      // The bubble follows the caret: it goes when the caret leaves the link it shows.
      editor.registerUpdateListener(({ editorState }) => {
        const shown = current.current;
        if (shown?.mode !== 'view') return;
        const still = editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return true;
          return $linkOf(selection.anchor.getNode())?.getKey() === shown.linkKey;
        });
        if (!still) setPopover(null);
      }),
    );
  }, [editor]);

  const editing = popover?.mode === 'edit';
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  const close = () => {
    setPopover(null);
    editor.focus();
  };

  const apply = (url: string | null) => {
    if (!popover) return;
    const { selection: saved, linkKey } = popover;
    editor.update(() => {
      const link = linkKey ? $getNodeByKey(linkKey) : null;
      if ($isLinkNode(link)) {
        // An existing link: change or remove that link, whatever the caret covers.
        if (url !== null) {
          link.setURL(url);
          return;
        }
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
        return;
      }
      if (!saved) return;
      $setSelection(saved.clone());
      const selection = $getSelection();
      if (url !== null && $isRangeSelection(selection) && selection.isCollapsed()) {
        // Nothing selected: the address itself becomes the linked text.
        const created = $createLinkNode(url).append($createTextNode(url));
        selection.insertNodes([created]);
        created.selectEnd();
        return;
      }
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    });
    close();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!popover) return;
    const url = toLinkUrl(popover.url);
    if (url === null) {
      setInvalid(true);
      return;
    }
    apply(url);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  if (!popover) return null;
  const hasLink = popover.linkKey !== null;
  // Buttons in the bubble must not take the caret out of the text before they act.
  const keepSelection = (event: { preventDefault(): void }) => event.preventDefault();
  return (
    <form
      className="nd-link-popover"
      style={{ top: popover.top, left: popover.left }}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      data-testid="link-popover"
      data-mode={popover.mode}
      role="dialog"
      aria-label={t('toolbar.link')}
    >
      {popover.mode === 'view' ? (
        <>
          <span className="nd-link-current" data-testid="link-current" title={t('link.current', { url: popover.url })}>
            {popover.url}
          </span>
          <button
            // Keyed apart from Save: were this <button> reused as the submit button in the same
            // click, the click's default action would submit the form it just opened.
            key="edit"
            type="button"
            data-testid="link-edit"
            onMouseDown={keepSelection}
            onClick={(event) => {
              event.preventDefault();
              setPopover({ ...popover, mode: 'edit' });
            }}
          >
            {t('link.edit')}
          </button>
        </>
      ) : (
        <>
          <input
            ref={input}
            type="text"
            inputMode="url"
            aria-label={t('link.url')}
            placeholder="https://"
            value={popover.url}
            aria-invalid={invalid}
            data-testid="link-url"
            onChange={(event) => {
              setInvalid(false);
              setPopover({ ...popover, url: event.target.value });
            }}
          />
          <button key="save" type="submit" data-testid="link-save">
            {t('link.save')}
          </button>
        </>
      )}
      {hasLink && (
        <button type="button" className="nd-link-remove" data-testid="link-remove" onMouseDown={keepSelection} onClick={() => apply(null)}>
          {t('link.remove')}
        </button>
      )}
      {popover.mode === 'edit' && (
        <button type="button" className="nd-link-cancel" onClick={close}>
          {t('link.cancel')}
        </button>
      )}
      {invalid && (
        <p className="nd-link-invalid" role="alert" data-testid="link-invalid">
          {t('link.invalid')}
        </p>
      )}
    </form>
  );
}

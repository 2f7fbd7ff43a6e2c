import { $createLinkNode, $isLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type LexicalCommand,
} from 'lexical';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { toLinkUrl } from './toLinkUrl';
import './LinkEditor.css';

/** Opens the link popover for the current selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

interface Popover {
  url: string;
  top: number;
  left: number;
  selection: BaseSelection;
  hasLink: boolean;
}

/** A small popover to add, edit or remove the link on the selection; refuses unsafe schemes. */
export default function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [popover, setPopover] = useState<Popover | null>(null);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!editor.hasNodes([LinkNode])) throw new Error('LinkEditorPlugin: LinkNode is not registered on the editor');
    return mergeRegister(
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
          const rect = window.getSelection()?.getRangeAt(0)?.getBoundingClientRect();
          const root = editor.getRootElement()?.getBoundingClientRect();
          setInvalid(false);
          setPopover({
            url: $isLinkNode(link) ? link.getURL() : '',
            top: (rect && rect.bottom > 0 ? rect.bottom : (root?.top ?? 0)) + 6,
            left: rect && rect.left > 0 ? rect.left : (root?.left ?? 0),
            selection: selection.clone(),
            hasLink: $isLinkNode(link),
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
    );
  }, [editor]);

  const isOpen = popover !== null;
  useEffect(() => {
    if (isOpen) input.current?.focus();
  }, [isOpen]);

  const close = () => {
    setPopover(null);
    editor.focus();
  };

  const apply = (url: string | null) => {
    if (!popover) return;
    const saved = popover.selection;
    editor.update(() => {
      $setSelection(saved.clone());
      const selection = $getSelection();
      if (url !== null && $isRangeSelection(selection) && selection.isCollapsed() && !popover.hasLink) {
        // Nothing selected: the address itself becomes the linked text.
        const link = $createLinkNode(url).append($createTextNode(url));
        selection.insertNodes([link]);
        link.selectEnd();
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
  return (
    <form
      className="nd-link-popover"
      style={{ top: popover.top, left: popover.left }}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      data-testid="link-popover"
      role="dialog"
      aria-label={t('toolbar.link')}
    >
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
      <button type="submit" data-testid="link-save">
        {t('link.save')}
      </button>
      {popover.hasLink && (
        <button type="button" className="nd-link-remove" data-testid="link-remove" onClick={() => apply(null)}>
          {t('link.remove')}
        </button>
      )}
      <button type="button" className="nd-link-cancel" onClick={close}>
        {t('link.cancel')}
      </button>
      {invalid && (
        <p className="nd-link-invalid" role="alert" data-testid="link-invalid">
          {t('link.invalid')}
        </p>
      )}
    </form>
  );
}

import { $isLinkNode } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalCommand,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { blockAlignOf } from '../../../../shared/content/serializedNodes';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { ALIGN_KEYS, type AlignChoice } from '../AlignPlugin';
import { PICK_PHOTO_COMMAND } from '../ImagesPlugin';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';
import { shortcutLabel } from './shortcutLabel';
import './Toolbar.css';
import { LinkIcon, PhotoIcon } from './ToolbarIcons';

export const BLOCK_TYPES = ['paragraph', 'h2', 'h3', 'h4', 'quote'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];
/** Turns the selected blocks into paragraphs, headings or a quote. */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');

interface ToolbarState {
  block: BlockType | 'bullet' | 'number' | 'other';
  formats: Record<'bold' | 'italic' | 'underline' | 'strikethrough', boolean>;
  link: boolean;
  /** Null where alignment does not apply (lists, quotes): only paragraphs and headings carry one. */
  align: AlignChoice | null;
}

const INITIAL: ToolbarState = {
  block: 'paragraph',
  formats: { bold: false, italic: false, underline: false, strikethrough: false },
  link: false,
  align: 'left',
};

const ALIGN_BUTTONS: { align: AlignChoice; label: MessageKey; glyph: string }[] = [
  { align: 'left', label: 'toolbar.alignLeft', glyph: '⇤' },
  { align: 'center', label: 'toolbar.alignCenter', glyph: '↔' },
  { align: 'right', label: 'toolbar.alignRight', glyph: '⇥' },
];

/** Declarative list of the format buttons: label, shortcut, and what they dispatch. */
const FORMAT_BUTTONS: { format: keyof ToolbarState['formats']; label: MessageKey; keys: string; glyph: string }[] = [
  { format: 'bold', label: 'toolbar.bold', keys: 'Mod+B', glyph: 'B' },
  { format: 'italic', label: 'toolbar.italic', keys: 'Mod+I', glyph: 'I' },
  { format: 'underline', label: 'toolbar.underline', keys: 'Mod+U', glyph: 'U' },
  { format: 'strikethrough', label: 'toolbar.strikethrough', keys: 'Mod+Shift+X', glyph: 'S' },
];

/** The body's toolbar. It only reads the selection and dispatches commands. */
export default function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SET_BLOCK_TYPE_COMMAND,
          (type) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            $setBlocksType(selection, () =>
              type === 'paragraph' ? $createParagraphNode() : type === 'quote' ? $createQuoteNode() : $createHeadingNode(type),
            );
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const next = readState();
            setState((prev) => (sameState(prev, next) ? prev : next));
          });
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_CRITICAL),
      ),
    [editor],
  );

  const tip = (label: MessageKey, keys: string) => t('toolbar.shortcut', { label: t(label), keys: shortcutLabel(keys) });
  const toggleList = (kind: 'bullet' | 'number') => {
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };
  const blockValue = (BLOCK_TYPES as readonly string[]).includes(state.block) ? state.block : '';

  return (
    <div className="nd-toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
      <select
        aria-label={t('toolbar.blockType')}
        title={t('toolbar.blockType')}
        data-testid="block-type"
        value={blockValue}
        onChange={(event) => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, event.target.value as BlockType)}
      >
        {blockValue === '' && <option value="" disabled hidden />}
        {BLOCK_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`block.${type}`)}
          </option>
        ))}
      </select>
      <span className="nd-toolbar-sep" />
      {FORMAT_BUTTONS.map(({ format, label, keys, glyph }) => (
        <ToolButton
          key={format}
          label={t(label)}
          title={tip(label, keys)}
          pressed={state.formats[format]}
          className={`nd-tool-${format}`}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format as TextFormatType)}
        >
          {glyph}
        </ToolButton>
      ))}
      <ToolButton
        label={t('toolbar.link')}
        title={tip('toolbar.link', 'Mod+K')}
        pressed={state.link}
        onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
      >
        <LinkIcon />
      </ToolButton>
      <span className="nd-toolbar-sep" />
      {ALIGN_BUTTONS.map(({ align, label, glyph }) => (
        <ToolButton
          key={align}
          label={t(label)}
          title={tip(label, ALIGN_KEYS[align])}
          pressed={state.align === align}
          disabled={state.align === null}
          className={`nd-tool-align-${align}`}
          onClick={() => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, align)}
        >
          {glyph}
        </ToolButton>
      ))}
      <span className="nd-toolbar-sep" />
      <ToolButton label={t('toolbar.bulletList')} title={tip('toolbar.bulletList', '- ')} pressed={state.block === 'bullet'} onClick={() => toggleList('bullet')}>
        •≡
      </ToolButton>
      <ToolButton label={t('toolbar.numberList')} title={tip('toolbar.numberList', '1. ')} pressed={state.block === 'number'} onClick={() => toggleList('number')}>
        1≡
      </ToolButton>
      <ToolButton
        label={t('toolbar.separator')}
        title={tip('toolbar.separator', '---')}
        onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
      >
        ―
      </ToolButton>
      <ToolButton label={t('toolbar.photo')} title={t('toolbar.photo')} onClick={() => editor.dispatchCommand(PICK_PHOTO_COMMAND, undefined)}>
        <PhotoIcon />
      </ToolButton>
      <span className="nd-toolbar-sep" />
      <ToolButton label={t('toolbar.undo')} title={tip('toolbar.undo', 'Mod+Z')} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </ToolButton>
      <ToolButton label={t('toolbar.redo')} title={tip('toolbar.redo', 'Mod+Shift+Z')} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </ToolButton>
    </div>
  );
}

interface ToolButtonProps {
  label: string;
  title: string;
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
  onClick(): void;
  /** A glyph or an icon; decorative, the label names the button. */
  children: ReactNode;
}

function ToolButton({ label, title, pressed, disabled, className, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`nd-tool ${className ?? ''}`}
      aria-label={label}
      title={title}
      aria-pressed={pressed === undefined ? undefined : pressed}
      disabled={disabled}
      // Keep the selection in the body: a toolbar click must not blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

function readState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return INITIAL;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let block: ToolbarState['block'] = 'other';
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    block = tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'other';
  } else if ($isQuoteNode(top)) block = 'quote';
  else if (top.getType() === 'paragraph') block = 'paragraph';
  const parent = anchor.getParent();
  const alignable = $isHeadingNode(top) || top.getType() === 'paragraph';
  return {
    block,
    align: alignable && $isElementNode(top) ? blockAlignOf(top.getFormatType()) || 'left' : null,
    formats: {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      strikethrough: selection.hasFormat('strikethrough'),
    },
    link: $isLinkNode(parent) || $isLinkNode(anchor),
  };
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.block === b.block &&
    a.link === b.link &&
    a.align === b.align &&
    a.formats.bold === b.formats.bold &&
    a.formats.italic === b.formats.italic &&
    a.formats.underline === b.formats.underline &&
    a.formats.strikethrough === b.formats.strikethrough
  );
}

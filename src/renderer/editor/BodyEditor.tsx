import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { SerializedEditorState } from 'lexical';
import type { RefObject } from 'react';
import type { LexicalState } from '../../shared/model/Article';
import { useI18n } from '../app/i18n';
import { FigureNode } from './nodes/FigureNode/FigureNode';
import AlignPlugin from './plugins/AlignPlugin';
import CaretBlockBoundaryPlugin from './plugins/CaretBlockBoundaryPlugin';
import CountsPlugin from './plugins/CountsPlugin';
import ControlledTypingPlugin from './plugins/ControlledTypingPlugin';
import CopyOnWriteNodeMapPlugin from './plugins/CopyOnWriteNodeMapPlugin';
import FreshSelectionPlugin from './plugins/FreshSelectionPlugin';
import ImagesPlugin from './plugins/ImagesPlugin';
import LinkEditorPlugin from './plugins/LinkEditorPlugin';
import LoadPlugin from './plugins/LoadPlugin';
import { isAllowedLinkUrl } from './plugins/LinkEditorPlugin/toLinkUrl';
import MarkdownPlugin from './plugins/MarkdownPlugin';
import NormalizePlugin from './plugins/NormalizePlugin';
import PastePlugin from './plugins/PastePlugin';
import { UnknownNode } from './nodes/UnknownNode/UnknownNode';
import { unwrapUnknownNodes, wrapUnknownNodes } from './nodes/UnknownNode/wrapUnknownNodes';
import SerializePlugin from './plugins/SerializePlugin';
import ShortcutsPlugin from './plugins/ShortcutsPlugin';
import ToolbarPlugin from './plugins/ToolbarPlugin';
import type { TextCounts } from './readingTime';
import './BodyEditor.css';

export const BODY_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode, FigureNode, UnknownNode];

const theme = {
  paragraph: 'nd-p',
  heading: { h2: 'nd-h2', h3: 'nd-h3', h4: 'nd-h4' },
  quote: 'nd-quote',
  link: 'nd-link',
  hr: 'nd-hr',
  list: { ul: 'nd-ul', ol: 'nd-ol', listitem: 'nd-li', nested: { listitem: 'nd-li-nested' } },
  text: { bold: 'nd-bold', italic: 'nd-italic', underline: 'nd-underline', strikethrough: 'nd-strike' },
};

interface BodyEditorProps {
  initialState: LexicalState;
  /** Called once typing pauses (see SerializePlugin), not on every keystroke. */
  onChange(state: LexicalState): void;
  /** The body changed and is not serialised yet (see SerializePlugin). */
  onDirty?(): void;
  onCounts?(counts: TextCounts): void;
  /** Set to "serialise pending changes now" (see SerializePlugin). */
  flushRef?: RefObject<(() => void) | null>;
}

/** The article body in Lexical. Mounted once per article (keyed by id by its parent). */
export function BodyEditor({ initialState, onChange, onDirty, onCounts, flushRef }: BodyEditorProps) {
  const { t } = useI18n();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'newsdesk-body',
        nodes: BODY_NODES,
        theme,
        // Loaded by LoadPlugin, after the plugins have registered (see there). Not editable until
        // then: a paste or a key taken before the load was replaced by the stored body a moment
        // later, silently (a paste claims the event, so the browser does nothing either).
        editorState: null,
        editable: false,
        onError: (error) => {
          console.error('[newsdesk] editor error', error);
        },
      }}
    >
      <ToolbarPlugin />
      <div className="nd-body">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="nd-body-input"
              aria-label={t('editor.body')}
              data-testid="body-editor"
              data-check-field="body"
              spellCheck
              lang="vi"
            />
          }
          placeholder={<div className="nd-body-placeholder">{t('editor.bodyPlaceholder')}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <FreshSelectionPlugin />
      <ControlledTypingPlugin />
      <CopyOnWriteNodeMapPlugin />
      <NormalizePlugin />
      <PastePlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLinkUrl} />
      <LinkEditorPlugin />
      <HorizontalRulePlugin />
      <MarkdownPlugin />
      <ShortcutsPlugin />
      <AlignPlugin />
      <ImagesPlugin />
      <CaretBlockBoundaryPlugin />
      {onCounts && <CountsPlugin onCounts={onCounts} />}
      <SerializePlugin onChange={(state) => onChange(unwrapUnknownNodes(state))} onDirty={onDirty} flushRef={flushRef} />
      {/* Last: its effect must run after every other plugin's registration. */}
      <LoadPlugin
        // Parsed from the object itself: a stringify + parse round trip of a long article costs ms.
        state={() => wrapUnknownNodes(initialState, BODY_NODES) as unknown as SerializedEditorState}
      />
    </LexicalComposer>
  );
}

import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { LexicalState } from '../../shared/model/Article';
import { useI18n } from '../app/i18n';
import NormalizePlugin from './plugins/NormalizePlugin';

export const BODY_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];

const theme = {
  paragraph: 'nd-p',
  heading: { h2: 'nd-h2', h3: 'nd-h3', h4: 'nd-h4' },
  quote: 'nd-quote',
  text: { bold: 'nd-bold', italic: 'nd-italic', underline: 'nd-underline', strikethrough: 'nd-strike' },
};

interface BodyEditorProps {
  initialState: LexicalState;
  onChange(state: LexicalState): void;
}

/** The article body in Lexical. Mounted once per article (keyed by id by its parent). */
export function BodyEditor({ initialState, onChange }: BodyEditorProps) {
  const { t } = useI18n();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'newsdesk-body',
        nodes: BODY_NODES,
        theme,
        editorState: JSON.stringify(initialState),
        onError: (error) => {
          console.error('[newsdesk] editor error', error);
        },
      }}
    >
      <div className="nd-body">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="nd-body-input"
              aria-label={t('editor.body')}
              data-testid="body-editor"
              spellCheck
              lang="vi"
            />
          }
          placeholder={<div className="nd-body-placeholder">{t('editor.bodyPlaceholder')}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <NormalizePlugin />
      <OnChangePlugin ignoreSelectionChange onChange={(editorState) => onChange(editorState.toJSON() as unknown as LexicalState)} />
    </LexicalComposer>
  );
}

import { useState, type ChangeEvent } from 'react';
import type { Article } from '../../shared/model/Article';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey } from '../app/messages';
import { BodyEditor } from './BodyEditor';
import { useAutosave, type SaveStatus } from './useAutosave';

interface ArticleEditorProps {
  bridge: Bridge;
  article: Article;
  onSaved(article: Article): void;
}

/** One open article: title and body, autosaved. Keyed by article id by its parent. */
export function ArticleEditor({ bridge, article, onSaved }: ArticleEditorProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState(article.title);
  const { status, update } = useAutosave(bridge, article, onSaved);

  const onTitle = (event: ChangeEvent<HTMLInputElement>) => {
    // While an IME composes, the field must keep the raw text; the service normalises on save.
    const composing = (event.nativeEvent as InputEvent).isComposing;
    const value = composing ? event.target.value : event.target.value.normalize('NFC');
    setTitle(value);
    update({ title: value });
  };

  return (
    <article className="nd-editor" aria-label={t('editor.title')}>
      <header className="nd-editor-bar">
        <SaveIndicator status={status} />
      </header>
      <input
        className="nd-title"
        data-testid="title-input"
        aria-label={t('editor.title')}
        placeholder={t('editor.titlePlaceholder')}
        value={title}
        onChange={onTitle}
        lang="vi"
      />
      <BodyEditor initialState={article.body} onChange={(body) => update({ body })} />
    </article>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  let text: string;
  switch (status.kind) {
    case 'saved':
      text = t('save.saved');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'dirty':
      text = t('save.dirty');
      break;
    case 'conflict':
      text = t('save.conflict');
      break;
    case 'error':
      text = t('save.error', { reason: t(errorKey(status.code)) });
      break;
  }
  return (
    <span className={`nd-save nd-save-${status.kind}`} data-testid="save-status" data-state={status.kind} role="status">
      {text}
    </span>
  );
}

import { useRef, useState, type ChangeEvent } from 'react';
import { parseArticleText } from '../../../shared/content/parseArticleText';
import { NewsdeskError } from '../../../shared/errors';
import type { Article } from '../../../shared/model/Article';
import type { Bridge } from '../../app/bridge';
import { useI18n } from '../../app/i18n';
import { errorKey, type MessageKey } from '../../app/messages';
import { decodeTextFile } from './decodeTextFile';
import './ImportTextButton.css';

/** An article file is a few kilobytes; anything this large is not one. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface ImportTextButtonProps {
  bridge: Bridge;
  onImported(article: Article): void;
}

/**
 * "Import text file": reads an article exported as plain text (title, date line, paragraphs,
 * photo placeholders, captions, byline) and creates a new draft from it. Photo placeholders become
 * figure slots flagged "caption missing" until a photographer fills them.
 */
export function ImportTextButton({ bridge, onImported }: ImportTextButtonProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<{ key: MessageKey; reason?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      setProblem({ key: 'import.failed', reason: t('error.VALIDATION') });
      return;
    }
    setBusy(true);
    try {
      const parsed = parseArticleText(decodeTextFile(new Uint8Array(await file.arrayBuffer())));
      if (parsed.title === '') {
        setProblem({ key: 'import.empty' });
        return;
      }
      const article = await bridge.invoke('articles.create', {
        title: parsed.title,
        lead: parsed.lead,
        byline: parsed.byline,
        // A past publication date is a fact about the text, not a schedule: publishAt stays empty.
        // The dateline ("Nơi, ngày viết") carries place and date; the file gives only the date.
        dateline: parsed.publishedDate ? parsed.publishedDate.split('-').reverse().join('/') : '',
        body: parsed.body,
      });
      onImported(article);
    } catch (error) {
      const code = error instanceof NewsdeskError ? error.code : 'INTERNAL';
      setProblem({ key: 'import.failed', reason: t(errorKey(code)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nd-import">
      <button type="button" data-testid="import-text" disabled={busy} onClick={() => input.current?.click()}>
        {t('import.textFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".txt,text/plain"
        hidden
        data-testid="import-text-input"
        onChange={(event) => void onFile(event)}
      />
      {problem && (
        <p className="nd-import-problem" role="alert" data-testid="import-problem">
          {problem.reason !== undefined ? t(problem.key, { reason: problem.reason }) : t(problem.key)}
        </p>
      )}
    </div>
  );
}

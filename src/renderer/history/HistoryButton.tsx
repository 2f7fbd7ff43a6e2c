import { useState } from 'react';
import type { Article } from '../../shared/model/Article';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { HistoryPanel } from './HistoryPanel';

interface HistoryButtonProps {
  bridge: Bridge;
  article: Article;
  /** The editor's text can no longer be saved (someone else saved first): restoring would drop it. */
  conflict: boolean;
  /** Stores the editor's unsaved text; resolves with the stored rev that holds it. */
  saveFirst(): Promise<number>;
  /** The restored article, at its new rev: the editor reloads from it. */
  onRestored(article: Article): void;
  /** See HistoryPanel: the editor takes no input while a restore is under way. */
  onRestoring?(restoring: boolean): void;
}

/** The editor bar's "History" button and the panel it opens. */
export function HistoryButton({ bridge, article, conflict, saveFirst, onRestored, onRestoring }: HistoryButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="nd-history-toggle" data-testid="history-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('history.open')}
      </button>
      {open && (
        <HistoryPanel
          bridge={bridge}
          articleId={article.id}
          conflict={conflict}
          saveFirst={saveFirst}
          onRestored={(restored) => {
            setOpen(false);
            onRestored(restored);
          }}
          onRestoring={onRestoring}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

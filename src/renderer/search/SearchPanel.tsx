import { useCallback, useEffect, useRef, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { SearchHit } from '../../shared/model/SearchHit';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { Highlighted } from './Highlighted';
import './SearchPanel.css';

/** Quiet time after a keystroke before asking: fast typists send one query, not five. */
const DEBOUNCE_MS = 120;
const LIMIT = 20;

interface SearchPanelProps {
  bridge: Bridge;
  onOpen(id: string): void;
}

/**
 * The search box above the article list, with its results. Ctrl/Cmd+Shift+F (or "/" when no text
 * field has focus) jumps to it; neither is a Lexical or browser editing shortcut.
 */
export function SearchPanel({ bridge, onOpen }: SearchPanelProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [indexing, setIndexing] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const latest = useRef(0);

  const run = useCallback(
    (query: string) => {
      const ticket = ++latest.current;
      if (query.trim() === '') {
        setHits([]);
        setProblem(null);
        return;
      }
      bridge.invoke('search.query', { q: query, limit: LIMIT }).then(
        (result) => {
          if (ticket !== latest.current) return; // an answer to an older query: drop it
          setHits(result.hits);
          setIndexing(result.indexing);
          setProblem(null);
        },
        (error: unknown) => {
          if (ticket === latest.current) setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
        },
      );
    },
    [bridge],
  );

  useEffect(() => {
    const timer = setTimeout(() => run(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, run]);

  // Saved edits change what matches: ask again while results are on screen.
  useEffect(() => bridge.on('articles.changed', () => run(q)), [bridge, q, run]);
  // While the first index build runs, results grow: poll until it is done.
  useEffect(() => {
    if (!indexing || q.trim() === '') return;
    const timer = setTimeout(() => run(q), 1_000);
    return () => clearTimeout(timer);
  }, [indexing, hits, q, run]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const inField = isTextField(event.target);
      if ((mod && event.shiftKey && event.key.toLowerCase() === 'f') || (event.key === '/' && !mod && !inField)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const focusHit = (index: number) => {
    const items = list.current?.querySelectorAll<HTMLLIElement>('li');
    items?.[Math.max(0, Math.min(index, items.length - 1))]?.focus();
  };

  return (
    <section className="nd-search" role="search" aria-label={t('search.label')}>
      <input
        ref={input}
        type="search"
        value={q}
        placeholder={t('search.placeholder')}
        title={t('search.shortcut')}
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+Shift+F Meta+Shift+F /"
        data-testid="search-input"
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && hits[0]) onOpen(hits[0].id);
          else if (event.key === 'ArrowDown') {
            event.preventDefault();
            focusHit(0);
          } else if (event.key === 'Escape') setQ('');
        }}
      />
      {problem && (
        <p className="nd-search-note" role="alert">
          {t(problem)}
        </p>
      )}
      {indexing && q.trim() !== '' && <p className="nd-search-note">{t('search.indexing')}</p>}
      {q.trim() !== '' && hits.length === 0 && !problem && !indexing && (
        <p className="nd-search-note" data-testid="search-empty">
          {t('search.noResults')}
        </p>
      )}
      {hits.length > 0 && (
        <ul ref={list} className="nd-search-results" role="listbox" aria-label={t('search.results', { count: hits.length })}>
          {hits.map((hit, index) => {
            const titleSnippet = hit.snippets.find((s) => s.field === 'title');
            return (
              <li
                key={hit.id}
                role="option"
                aria-selected={false}
                tabIndex={-1}
                data-testid="search-hit"
                data-exact={hit.exact}
                onClick={() => onOpen(hit.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onOpen(hit.id);
                  else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                    event.preventDefault();
                    if (event.key === 'ArrowUp' && index === 0) input.current?.focus();
                    else focusHit(index + (event.key === 'ArrowDown' ? 1 : -1));
                  }
                }}
              >
                <span className="nd-search-hit-title" data-testid="search-hit-title">
                  {titleSnippet ? <Highlighted text={titleSnippet.text} ranges={titleSnippet.ranges} /> : hit.title || t('articles.untitled')}
                </span>
                {hit.snippets
                  .filter((s) => s.field !== 'title')
                  .map((snippet) => (
                    <span className="nd-search-snippet" key={snippet.field} data-field={snippet.field}>
                      {snippet.clippedStart && '… '}
                      <Highlighted text={snippet.text} ranges={snippet.ranges} />
                      {snippet.clippedEnd && ' …'}
                    </span>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

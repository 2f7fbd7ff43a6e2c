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
/**
 * Saved edits change what matches, so results on screen are asked for again; but autosave and bulk
 * actions send bursts of `articles.changed` (one per article): one query per burst window at most.
 */
export const CHANGED_REQUERY_MS = 300;
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
          // The same answer again (a change elsewhere): keep the very same list, so the focused
          // hit and the scroll position stay where the user left them.
          setHits((previous) => (sameHits(previous, result.hits) ? previous : result.hits));
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

  // The query as typed, for the change listener: subscribing once, not once per keystroke.
  const query = useRef(q);
  query.current = q;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = bridge.on('articles.changed', () => {
      // No query, no results to refresh; a window already open takes this change along.
      if (query.current.trim() === '' || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        if (query.current.trim() !== '') run(query.current);
      }, CHANGED_REQUERY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [bridge, run]);
  // While the first index build runs, results grow: poll until it is done.
  useEffect(() => {
    if (!indexing || q.trim() === '') return;
    const timer = setInterval(() => run(q), 1_000);
    return () => clearInterval(timer);
  }, [indexing, q, run]);

  // The hit the keyboard is on. When a refresh drops it while it had focus, focus moves to the
  // hit now in its place instead of falling out of the list.
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = useRef(-1);
  useEffect(() => {
    if (activeId === null || hits.some((hit) => hit.id === activeId)) return;
    const hadFocus = document.activeElement === document.body || document.activeElement === null;
    setActiveId(null);
    if (hadFocus && hits.length > 0) focusHit(activeIndex.current);
    // Only a change of hits can drop the active one.
  }, [hits]);

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
                aria-selected={hit.id === activeId}
                tabIndex={-1}
                onFocus={() => {
                  setActiveId(hit.id);
                  activeIndex.current = index;
                }}
                data-testid="search-hit"
                data-id={hit.id}
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

function sameHits(a: SearchHit[], b: SearchHit[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

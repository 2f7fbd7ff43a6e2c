import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useModalDialog } from '../app/useModalDialog';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { plainTextOf } from '../../shared/content/plainTextOf';
import { NewsdeskError } from '../../shared/errors';
import type { Article, LexicalState } from '../../shared/model/Article';
import { diffWords, type DiffPart } from '../../shared/text/diffWords';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import './sync.css';

// Everything that reads an ArticleMerge is in this file, so that a change of its shape is met
// here only. It reads the merge loosely (a field is { kind, value | base, local, remote }, a body
// chunk is 'ok' with blocks or 'conflict' with an id and three block lists), and never computes
// the merged result: sync.resolve does, from the choices.

type Merge = ChannelOutput<'sync.conflict'>['merge'];
type Choices = ChannelInput<'sync.resolve'>['choices'];
type Choice = NonNullable<Choices[string]>;
type Translate = ReturnType<typeof useI18n>['t'];

interface FieldConflict {
  name: string;
  local: unknown;
  remote: unknown;
}
type BodyChunk = { kind: 'ok'; blocks: unknown[] } | { kind: 'conflict'; id: string; base: unknown[]; local: unknown[]; remote: unknown[] };

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'editor.title',
  lead: 'editor.lead',
  byline: 'editor.byline',
  dateline: 'editor.dateline',
  category: 'editor.category',
  tags: 'editor.tags',
  featuredAssetId: 'editor.featured',
};

function fieldConflictsOf(merge: Merge): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const [name, field] of Object.entries(merge.fields as Record<string, { kind: string; local?: unknown; remote?: unknown }>)) {
    if (field.kind === 'conflict') out.push({ name, local: field.local, remote: field.remote });
  }
  return out;
}

function bodyOf(merge: Merge): BodyChunk[] {
  return merge.body as BodyChunk[];
}

function isFigure(block: unknown): block is { type: 'figure'; assetId?: unknown; caption?: unknown } {
  return block !== null && typeof block === 'object' && (block as { type?: unknown }).type === 'figure';
}

/** A block as a reader sees it: its text, or a photo by its caption. */
function blockText(block: unknown, t: Translate): string {
  if (isFigure(block)) {
    const caption = typeof block.caption === 'string' ? block.caption.trim() : '';
    return t('conflict.photo', { caption: caption || t('captionLint.CAPTION_MISSING') });
  }
  return plainTextOf({ root: { type: 'root', children: [block] } } as LexicalState);
}

function blocksText(blocks: unknown[], t: Translate): string {
  return blocks.map((block) => blockText(block, t)).join('\n\n');
}

function fieldText(name: string, value: unknown, merge: Merge, t: Translate): string {
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(', ') : t('conflict.empty');
  if (name === 'featuredAssetId') {
    if (typeof value !== 'string' || value === '') return t('editor.featuredNone');
    // A photo is known to the writer by its caption, not its id: find it among the merge's blocks.
    for (const chunk of bodyOf(merge)) {
      const blocks = chunk.kind === 'ok' ? chunk.blocks : [...chunk.local, ...chunk.remote];
      const figure = blocks.find((block) => isFigure(block) && block.assetId === value);
      if (figure) return blockText(figure, t);
    }
    return t('conflict.photoId', { id: value });
  }
  if (typeof value === 'string') return value.trim() === '' ? t('conflict.empty') : value;
  return value === null || value === undefined ? t('conflict.empty') : String(value);
}

interface ConflictViewProps {
  bridge: Bridge;
  articleId: string;
  onResolved(article: Article): void;
  onClose(): void;
}

/**
 * The block-by-block merge of this laptop's version and the portal's, side by side, with a
 * choice for each difference (fields too), applied with sync.resolve. A modal dialog: Esc closes.
 */
export function ConflictView({ bridge, articleId, onResolved, onClose }: ConflictViewProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [merge, setMerge] = useState<Merge | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [applying, setApplying] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const report = (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));

  useEffect(() => {
    let live = true;
    bridge.invoke('sync.conflict', { id: articleId }).then(
      (answer) => live && setMerge(answer.merge),
      (error: unknown) => live && report(error),
    );
    return () => {
      live = false;
    };
  }, [bridge, articleId]);

  useModalDialog(dialog);

  const fields = useMemo(() => (merge ? fieldConflictsOf(merge) : []), [merge]);
  const body = useMemo(() => (merge ? bodyOf(merge) : []), [merge]);
  const conflictIds = useMemo(
    () => [...fields.map((field) => field.name), ...body.flatMap((chunk) => (chunk.kind === 'conflict' ? [chunk.id] : []))],
    [fields, body],
  );
  const left = conflictIds.filter((id) => choices[id] === undefined).length;

  const choose = (id: string, choice: Choice) => setChoices((previous) => ({ ...previous, [id]: choice }));

  const apply = () => {
    setApplying(true);
    setProblem(null);
    bridge.invoke('sync.resolve', { id: articleId, choices }).then(onResolved, (error: unknown) => {
      setApplying(false);
      report(error);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  let conflictNumber = 0;
  return (
    <dialog ref={dialog} className="nd-conflict" aria-labelledby="nd-conflict-heading" data-testid="conflict-view" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="nd-conflict-bar">
        <h2 id="nd-conflict-heading">{t('conflict.heading')}</h2>
        <button type="button" className="nd-secondary" onClick={onClose}>
          {t('conflict.close')}
        </button>
      </header>
      <p className="nd-conflict-intro">{t('conflict.intro')}</p>
      {problem && (
        <p role="alert" className="nd-sync-problem">
          {t(problem)}
        </p>
      )}
      {!merge && !problem && <p role="status">{t('conflict.loading')}</p>}
      {merge && (
        <>
          <div className="nd-conflict-columns nd-conflict-heads" aria-hidden="true">
            <strong>{t('conflict.mine')}</strong>
            <strong>{t('conflict.portal')}</strong>
          </div>
          {fields.length > 0 && (
            <section aria-label={t('editor.details')}>
              {fields.map((field) => {
                const label = FIELD_LABELS[field.name] ? t(FIELD_LABELS[field.name]!) : field.name;
                return (
                  <ConflictPair
                    key={field.name}
                    id={field.name}
                    label={label}
                    local={fieldText(field.name, field.local, merge, t)}
                    remote={fieldText(field.name, field.remote, merge, t)}
                    allowBoth={false}
                    choice={choices[field.name]}
                    onChoose={choose}
                  />
                );
              })}
            </section>
          )}
          <section aria-label={t('editor.body')}>
            {body.map((chunk, index) => {
              if (chunk.kind === 'ok') {
                return (
                  <details key={`ok-${index}`} className="nd-conflict-same">
                    <summary>{t('conflict.unchanged', { count: chunk.blocks.length })}</summary>
                    <p className="nd-conflict-text" lang="vi">
                      {blocksText(chunk.blocks, t)}
                    </p>
                  </details>
                );
              }
              conflictNumber += 1;
              return (
                <ConflictPair
                  key={chunk.id}
                  id={chunk.id}
                  label={t('conflict.block', { n: conflictNumber })}
                  local={chunk.local.length > 0 ? blocksText(chunk.local, t) : null}
                  remote={chunk.remote.length > 0 ? blocksText(chunk.remote, t) : null}
                  base={chunk.base.length > 0 ? blocksText(chunk.base, t) : null}
                  allowBoth
                  choice={choices[chunk.id]}
                  onChoose={choose}
                />
              );
            })}
          </section>
          <footer className="nd-conflict-actions">
            {left > 0 && (
              <span role="status" data-testid="conflict-left" data-count={left}>
                {t('conflict.left', { count: left })}
              </span>
            )}
            <button type="button" data-testid="conflict-apply" disabled={left > 0 || applying} onClick={apply}>
              {applying ? t('conflict.applying') : t('conflict.apply')}
            </button>
          </footer>
        </>
      )}
    </dialog>
  );
}

interface ConflictPairProps {
  id: string;
  label: string;
  /** null: this side removed the blocks. */
  local: string | null;
  remote: string | null;
  base?: string | null;
  allowBoth: boolean;
  choice: Choice | undefined;
  onChoose(id: string, choice: Choice): void;
}

/** One difference: the two versions side by side, the words that differ marked, and its radio group. */
function ConflictPair({ id, label, local, remote, base, allowBoth, choice, onChoose }: ConflictPairProps) {
  const { t } = useI18n();
  const parts = useMemo(() => diffWords(local ?? '', remote ?? ''), [local, remote]);
  const options: { value: Choice; key: MessageKey }[] = [
    { value: 'local', key: 'conflict.keepMine' },
    { value: 'remote', key: 'conflict.keepPortal' },
    ...(allowBoth ? [{ value: 'both' as Choice, key: 'conflict.keepBoth' as MessageKey }] : []),
  ];
  const name = `nd-conflict-${id}`;
  return (
    <div className="nd-conflict-pair" data-testid="conflict-pair" data-id={id}>
      <div className="nd-conflict-columns">
        <div className="nd-conflict-side" aria-label={`${label} · ${t('conflict.mine')}`} role="group">
          <span className="nd-conflict-side-head">{t('conflict.mine')}</span>
          <SideText text={local} parts={parts} side="local" />
        </div>
        <div className="nd-conflict-side" aria-label={`${label} · ${t('conflict.portal')}`} role="group">
          <span className="nd-conflict-side-head">{t('conflict.portal')}</span>
          <SideText text={remote} parts={parts} side="remote" />
        </div>
      </div>
      {base != null && (
        <details className="nd-conflict-base">
          <summary>{t('conflict.base')}</summary>
          <p className="nd-conflict-text" lang="vi">
            {base}
          </p>
        </details>
      )}
      <fieldset className="nd-conflict-choice" role="radiogroup" aria-label={label}>
        <legend>{label}</legend>
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              data-testid={`conflict-choice-${option.value}`}
              checked={choice === option.value}
              onChange={() => onChoose(id, option.value)}
            />{' '}
            {t(option.key)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** One side of a difference: its words, those the other side lacks marked. */
function SideText({ text, parts, side }: { text: string | null; parts: DiffPart[]; side: 'local' | 'remote' }) {
  const { t } = useI18n();
  if (text === null) return <p className="nd-conflict-text nd-conflict-removed">{t('conflict.removed')}</p>;
  const own = side === 'local' ? 'delete' : 'insert';
  return (
    <p className="nd-conflict-text" lang="vi">
      {parts.map((part, index) => {
        if (part.op === 'equal') return <span key={index}>{part.text}</span>;
        if (part.op !== own) return null;
        return (
          <mark key={index} className="nd-conflict-mark">
            {part.text}
          </mark>
        );
      })}
    </p>
  );
}

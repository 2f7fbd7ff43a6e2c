import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { blockingIssues } from '../../shared/publishChecks/blockingIssues';
import { checkArticle } from '../../shared/publishChecks/checkArticle';
import { figuresOf } from '../../shared/publishChecks/figuresOf';
import { overrideTargetOf } from '../../shared/publishChecks/checkArticle';
import type { ArticleIssue } from '../../shared/publishChecks/PublishRule';
import { slugOf } from '../../shared/publishChecks/slugOf';
import { useProfile } from '../settings/useProfile';
import { jumpToIssue, type IssuePlace } from './jumpToIssue';
import type { Article } from '../../shared/model/Article';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey } from '../app/messages';
import { LifecycleBar } from '../queue/LifecycleBar';
import { BodyEditor } from './BodyEditor';
import './ArticleEditor.css';
import { EditorStatusBar } from './EditorStatusBar';
import { MediaContext } from './media/MediaContext';
import { MediaUrls } from './media/MediaUrls';
import { MetadataFields, type Metadata } from './MetadataFields';
import { shortcutLabel } from './plugins/ToolbarPlugin/shortcutLabel';
import type { TextCounts } from './readingTime';
import { RulesChecklist } from './RulesChecklist';
import { FOCUS_MODE_KEYS, useFocusMode } from './useFocusMode';
import { useAutosave, type SaveStatus } from './useAutosave';
import { HistoryButton } from '../history/HistoryButton';
import { PortalPreview } from './preview/PortalPreview';
import { PORTAL_PREVIEW_KEYS, usePortalPreview } from './preview/usePortalPreview';
import { EditorPortalStatus } from '../sync/EditorPortalStatus';

interface ArticleEditorProps {
  bridge: Bridge;
  article: Article;
  onSaved(article: Article): void;
  /** After a lifecycle move from the editor bar: the article at its new rev. */
  onTransitioned?(article: Article): void;
}

/** One open article: title and body, autosaved. Keyed by article id by its parent. */
export function ArticleEditor({ bridge, article, onSaved, onTransitioned }: ArticleEditorProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState(article.title);
  const { status, update, markDirty, saveNow } = useAutosave(bridge, article, onSaved);
  const flushBody = useRef<(() => void) | null>(null);
  /** Hands the body over (it is serialised lazily) and stores everything typed so far. */
  const saveAll = useCallback(() => {
    flushBody.current?.();
    return saveNow();
  }, [saveNow]);
  const media = useMemo(() => new MediaUrls(bridge), [bridge]);
  const [meta, setMeta] = useState<Metadata>(() => ({
    lead: article.lead,
    byline: article.byline,
    dateline: article.dateline,
    category: article.category,
    tags: article.tags,
    publishAt: article.publishAt,
    featuredAssetId: article.featuredAssetId,
    slug: article.slug,
  }));
  const [body, setBody] = useState(article.body);
  const [counts, setCounts] = useState<TextCounts | null>(null);
  const focus = useFocusMode();
  // A restore reloads the editor at the restored version: input is refused until it is done.
  const [restoring, setRestoring] = useState(false);
  // The body is serialised lazily: hand over what was typed last before showing it.
  const preview = usePortalPreview(() => flushBody.current?.());
  const figures = useMemo(() => figuresOf(body), [body]);
  const profile = useProfile(bridge);
  // Overrides are the lifecycle service's (an editor's decision), not the writer's edit: they
  // follow the store, here and in every other window showing the article.
  const [overrides, setOverrides] = useState(article.checkOverrides);
  useEffect(
    () =>
      bridge.on('articles.changed', ({ ids, reason }) => {
        if (reason !== 'overridden' || !ids.includes(article.id)) return;
        bridge.invoke('articles.get', { id: article.id }).then((next) => setOverrides(next.checkOverrides), () => undefined);
      }),
    [bridge, article.id],
  );
  const issues = useMemo(
    () =>
      checkArticle(
        { title, lead: meta.lead, byline: meta.byline, body, category: meta.category, featuredAssetId: meta.featuredAssetId, slug: meta.slug },
        overrides,
      ),
    [title, meta.lead, meta.byline, body, meta.category, meta.featuredAssetId, meta.slug, overrides],
  );
  const root = useRef<HTMLElement>(null);
  const jump = useCallback((place: IssuePlace) => jumpToIssue(root.current, place), []);
  const override = useCallback(
    async (issue: ArticleIssue, reason: string) => {
      const next = await bridge.invoke('articles.overrideCheck', { id: article.id, rule: issue.code, target: overrideTargetOf(issue), reason });
      setOverrides(next.checkOverrides);
    },
    [bridge, article.id],
  );

  const onMeta = (changes: Partial<Metadata>) => {
    setMeta((previous) => ({ ...previous, ...changes }));
    update(changes);
  };

  const onTitle = (event: ChangeEvent<HTMLInputElement>) => {
    // While an IME composes, the field must keep the raw text; the service normalises on save.
    const composing = (event.nativeEvent as InputEvent).isComposing;
    const value = composing ? event.target.value : event.target.value.normalize('NFC');
    setTitle(value);
    update({ title: value });
  };

  return (
    <article
      ref={root}
      className={focus.on ? 'nd-editor nd-editor-focus' : 'nd-editor'}
      aria-label={t('editor.title')}
      data-testid="article-editor"
      data-article-id={article.id}
    >
      <header className="nd-editor-bar">
        <LifecycleBar
          bridge={bridge}
          article={article}
          busy={status.kind !== 'saved'}
          onJump={jump}
        />
        <SaveIndicator status={status} />
        <HistoryButton
          bridge={bridge}
          article={article}
          conflict={status.kind === 'conflict'}
          saveFirst={saveAll}
          onRestored={(next) => onTransitioned?.(next)}
          onRestoring={setRestoring}
        />
        <button
          type="button"
          className="nd-preview-toggle"
          data-testid="preview-toggle"
          aria-haspopup="dialog"
          title={t('toolbar.shortcut', { label: t('preview.open'), keys: shortcutLabel(PORTAL_PREVIEW_KEYS) })}
          onClick={preview.show}
        >
          {t('preview.open')}
        </button>
        <button
          type="button"
          className="nd-focus-toggle"
          data-testid="focus-toggle"
          aria-pressed={focus.on}
          title={focus.on ? t('focus.leave') : t('toolbar.shortcut', { label: t('toolbar.focus'), keys: shortcutLabel(FOCUS_MODE_KEYS) })}
          aria-label={t('toolbar.focus')}
          onClick={focus.toggle}
        >
          ⤢
        </button>
      </header>
      <div className="nd-editor-content" data-testid="editor-content" inert={restoring}>
        <input
          className="nd-title"
          data-testid="title-input"
          data-check-field="title"
          aria-label={t('editor.title')}
          placeholder={t('editor.titlePlaceholder')}
          value={title}
          onChange={onTitle}
          lang="vi"
        />
        <MetadataFields value={meta} figures={figures} derivedSlug={slugOf(title)} onChange={onMeta} />
        <MediaContext.Provider value={media}>
          <BodyEditor
            initialState={article.body}
            onChange={(next) => {
              setBody(next);
              update({ body: next });
            }}
            onDirty={markDirty}
            onCounts={setCounts}
            flushRef={flushBody}
          />
        </MediaContext.Provider>
        <RulesChecklist issues={issues} onJump={jump} onOverride={profile?.role === 'editor' ? override : undefined} />
        <EditorStatusBar counts={counts}>
          <EditorPortalStatus bridge={bridge} article={article} saveFirst={saveAll} onResolved={(next) => onTransitioned?.(next)} />
        </EditorStatusBar>
      </div>
      {preview.on && (
        <MediaContext.Provider value={media}>
          <PortalPreview
            title={title}
            lead={meta.lead}
            byline={meta.byline}
            dateline={meta.dateline}
            publishAt={meta.publishAt}
            body={body}
            issueCount={blockingIssues(issues).length}
            onClose={preview.hide}
          />
        </MediaContext.Provider>
      )}
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

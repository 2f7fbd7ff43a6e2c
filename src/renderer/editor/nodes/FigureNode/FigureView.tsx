import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, SKIP_DOM_SELECTION_TAG, stopLexicalPropagation, type NodeKey } from 'lexical';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { CaptionField, CaptionIssue } from '../../../../shared/captionLint/CaptionRule';
import { lintCaption } from '../../../../shared/captionLint/lintCaption';
import { useI18n } from '../../../app/i18n';
import { errorKey } from '../../../app/messages';
import { importPhoto } from '../../media/importPhoto';
import { isPhotoFile, PHOTO_ACCEPT } from '../../media/isPhotoFile';
import { useMedia } from '../../media/MediaContext';
import { $isFigureNode, type FigureField } from './FigureNode';
import './FigureView.css';
import { whenNearViewport } from './whenNearViewport';

interface FigureViewProps {
  nodeKey: NodeKey;
  assetId: string;
  caption: string;
  alt: string;
  credit: string;
  /** The camera file name from an imported text (`img_4426`), or '' when there was none. */
  sourceName: string;
}

/** Events typed into the view's inputs are the inputs' own, not the body's: Lexical must skip them. */
const OWN_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'drop',
  'dragstart',
] as const;

/**
 * A photo in the body. Until it comes near the viewport it is a light shell of the same box: a
 * 10,000-word feature opens with 40 photos, and mounting 40 full views (three fields each, their
 * listeners, the image request) at once cost the open a large share of its time.
 */
export function FigureView(props: FigureViewProps) {
  const { t } = useI18n();
  const [near, setNear] = useState(false);
  const shell = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = shell.current;
    if (near || !element) return;
    // The host block is what the browser lays out (its content may be skipped while off screen).
    return whenNearViewport(element.parentElement ?? element, () => setNear(true));
  }, [near]);
  if (near) return <FigureEditorView {...props} />;
  // The warnings show in the shell too: the checklist and a reader scanning the page rely on them.
  const issues = lintCaption(props);
  return (
    <figure
      ref={shell}
      className="nd-figure nd-figure-shell"
      data-testid="figure"
      data-asset-id={props.assetId}
      aria-label={t('figure.label')}
    >
      <div className="nd-figure-image" />
      <SourceName name={props.sourceName} />
      <LintNotes issues={issues} field="caption" />
      <LintNotes issues={issues} field="alt" />
      <LintNotes issues={issues} field="credit" />
    </figure>
  );
}

/**
 * The caption lint's findings about one field, under that field: the same rules the checklist,
 * the submit checks and the photo desk apply. Without the body beside the photo (a figure only
 * knows itself), so "caption printed again as a paragraph" shows in the checklist only.
 */
function LintNotes({ issues, field }: { issues: CaptionIssue[]; field: CaptionField }) {
  const { t } = useI18n();
  return issues
    .filter((issue) => issue.field === field)
    .map((issue) => (
      <p
        key={issue.code}
        className={issue.severity === 'blocking' ? 'nd-figure-warning' : 'nd-figure-warning nd-figure-note'}
        role="status"
        data-testid={`figure-${field}-warning`}
        data-code={issue.code}
        data-severity={issue.severity}
      >
        {t(`captionLint.${issue.code}`, { limit: issue.details?.limit ?? '' })}
      </p>
    ));
}

/** The photo with its fields: the image, caption, alt text and credit, edited in place. */
function FigureEditorView({ nodeKey, assetId, caption, alt, credit, sourceName }: FigureViewProps) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const own = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON')) {
        stopLexicalPropagation(event);
      }
    };
    OWN_EVENTS.forEach((name) => element.addEventListener(name, own));
    return () => OWN_EVENTS.forEach((name) => element.removeEventListener(name, own));
  }, []);

  const commit = (field: FigureField, value: string) => {
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if (!$isFigureNode(node)) return;
        if (field === 'caption') node.setCaption(value);
        else if (field === 'alt') node.setAlt(value);
        else node.setCredit(value);
      },
      // The caret is in the view's input: do not move it back into the body.
      { tag: SKIP_DOM_SELECTION_TAG },
    );
  };

  const remove = () => {
    editor.update(() => $getNodeByKey(nodeKey)?.remove());
  };

  const issues = lintCaption({ caption, alt, credit });

  return (
    <figure ref={root} className="nd-figure" data-testid="figure" data-asset-id={assetId} aria-label={t('figure.label')}>
      <FigureImage nodeKey={nodeKey} assetId={assetId} alt={alt} />
      <SourceName name={sourceName} />
      <div className="nd-figure-fields">
        <FigureInput label={t('figure.caption')} field="caption" value={caption} onCommit={commit} multiline />
        <LintNotes issues={issues} field="caption" />
        <FigureInput label={t('figure.alt')} field="alt" value={alt} onCommit={commit} />
        <LintNotes issues={issues} field="alt" />
        <FigureInput label={t('figure.credit')} field="credit" value={credit} onCommit={commit} />
        <LintNotes issues={issues} field="credit" />
        <button type="button" className="nd-figure-remove" onClick={remove}>
          {t('figure.remove')}
        </button>
      </div>
    </figure>
  );
}

/** "Original: img_4426": how the photographer finds the photo the imported text referred to. */
function SourceName({ name }: { name: string }) {
  const { t } = useI18n();
  if (name === '') return null;
  return (
    <p className="nd-figure-source" data-testid="figure-source">
      {t('figure.sourceName', { name })}
    </p>
  );
}

type Placing = { kind: 'idle' } | { kind: 'importing' } | { kind: 'failed'; message: string };

/**
 * The display rendition, or the empty slot an imported text left (`tttt1`, `img_4426`). Either
 * way the photographer can put a photo in: chosen from disk or dropped on the figure, it goes
 * through the media service and the figure keeps its caption, alt text and credit (one undo step).
 * Mounted only once the figure is near the viewport (see FigureView).
 */
function FigureImage({ nodeKey, assetId, alt }: { nodeKey: NodeKey; assetId: string; alt: string }) {
  const { t } = useI18n();
  const media = useMedia();
  const [editor] = useLexicalComposerContext();
  const picker = useRef<HTMLInputElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [placing, setPlacing] = useState<Placing>({ kind: 'idle' });

  useEffect(() => {
    setUrl(null);
    setFailed(false);
    if (assetId === '') return;
    let cancelled = false;
    media.urlFor(assetId, 'display').then(
      (next) => !cancelled && setUrl(next),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [assetId, media]);

  const place = async (file: File) => {
    if (isPhotoFile(file)) setPlacing({ kind: 'importing' });
    const result = await importPhoto(media, file);
    if (result.kind === 'notPhoto') {
      setPlacing({ kind: 'failed', message: t('photo.notPhoto', { name: file.name }) });
    } else if (result.kind === 'failed') {
      setPlacing({ kind: 'failed', message: t('figure.importFailed', { reason: t(errorKey(result.code)) }) });
    } else {
      editor.update(() => {
        const node = $getNodeByKey(nodeKey);
        if ($isFigureNode(node)) node.setAssetId(result.asset.assetId);
      });
      setPlacing({ kind: 'idle' });
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void place(file);
  };
  const placeRef = useRef(place);
  placeRef.current = place;
  // A photo dropped on the figure fills it rather than landing in the text as a new figure. Native
  // listeners: the body's own drop handling (Lexical's, on the contenteditable) hears the event
  // before React's root would.
  useEffect(() => {
    const element = slot.current;
    if (!element) return;
    const hasFiles = (event: globalThis.DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: globalThis.DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onDrop = (event: globalThis.DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      void placeRef.current(file);
    };
    element.addEventListener('dragover', onDragOver);
    element.addEventListener('drop', onDrop);
    return () => {
      element.removeEventListener('dragover', onDragOver);
      element.removeEventListener('drop', onDrop);
    };
  }, []);

  const empty = assetId === '';
  return (
    <div ref={slot} className={empty ? 'nd-figure-image nd-figure-empty' : 'nd-figure-image'} data-testid="figure-slot">
      {url ? (
        <img src={url} alt={alt} data-testid="figure-image" draggable={false} />
      ) : empty ? (
        <span className="nd-figure-empty-label">{t('figure.empty')}</span>
      ) : failed ? (
        <span className="nd-figure-warning">{t('figure.unavailable')}</span>
      ) : null}
      <input ref={picker} type="file" accept={PHOTO_ACCEPT} hidden data-testid="figure-file-input" onChange={onFile} />
      <button
        type="button"
        className="nd-figure-choose"
        data-testid="figure-choose"
        disabled={placing.kind === 'importing'}
        onClick={() => picker.current?.click()}
      >
        {empty ? t('figure.choose') : t('figure.replace')}
      </button>
      {placing.kind === 'importing' && (
        <span className="nd-figure-status" role="status">
          {t('figure.importing')}
        </span>
      )}
      {placing.kind === 'failed' && (
        <span className="nd-figure-warning" role="alert" data-testid="figure-photo-error">
          {placing.message}
        </span>
      )}
    </div>
  );
}

interface FigureInputProps {
  label: string;
  field: FigureField;
  value: string;
  multiline?: boolean;
  onCommit(field: FigureField, value: string): void;
}

/**
 * Keeps its own text while focused (an IME composition must not be overwritten by a re-render),
 * and commits NFC text to the node on every non-composing change and at composition end.
 */
function FigureInput({ label, field, value, multiline, onCommit }: FigureInputProps) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const composing = (event.nativeEvent as InputEvent).isComposing;
    const next = composing ? event.target.value : event.target.value.normalize('NFC');
    setText(next);
    if (!composing) onCommit(field, next);
  };
  const common = {
    className: `nd-figure-${field}`,
    'data-testid': `figure-${field}`,
    'aria-label': label,
    placeholder: label,
    value: text,
    lang: 'vi',
    onChange,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      if (text.normalize('NFC') !== value) onCommit(field, text.normalize('NFC'));
    },
    onCompositionEnd: (event: { currentTarget: { value: string } }) => {
      const next = event.currentTarget.value.normalize('NFC');
      setText(next);
      onCommit(field, next);
    },
  };
  return (
    <label className="nd-figure-field">
      <span>{label}</span>
      {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
    </label>
  );
}

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, SKIP_DOM_SELECTION_TAG, stopLexicalPropagation, type NodeKey } from 'lexical';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { isCameraFileName } from '../../../../shared/model/articleRules';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { useMedia } from '../../media/MediaContext';
import { $isFigureNode, type FigureField } from './FigureNode';
import './FigureView.css';

interface FigureViewProps {
  nodeKey: NodeKey;
  assetId: string;
  caption: string;
  alt: string;
  credit: string;
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

/** A photo in the body: the image (loaded when scrolled near), caption, alt text and credit. */
export function FigureView({ nodeKey, assetId, caption, alt, credit }: FigureViewProps) {
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

  const captionWarning: MessageKey | null =
    caption.trim() === '' ? 'figure.captionMissing' : isCameraFileName(caption) ? 'figure.captionFilename' : null;
  const altWarning: MessageKey | null = alt.trim() === '' ? 'figure.altMissing' : null;

  return (
    <figure ref={root} className="nd-figure" data-testid="figure" data-asset-id={assetId} aria-label={t('figure.label')}>
      <FigureImage assetId={assetId} alt={alt} />
      <div className="nd-figure-fields">
        <FigureInput label={t('figure.caption')} field="caption" value={caption} onCommit={commit} multiline />
        {captionWarning && (
          <p className="nd-figure-warning" role="status" data-testid="figure-caption-warning">
            {t(captionWarning)}
          </p>
        )}
        <FigureInput label={t('figure.alt')} field="alt" value={alt} onCommit={commit} />
        {altWarning && (
          <p className="nd-figure-warning" role="status" data-testid="figure-alt-warning">
            {t(altWarning)}
          </p>
        )}
        <FigureInput label={t('figure.credit')} field="credit" value={credit} onCommit={commit} />
        <button type="button" className="nd-figure-remove" onClick={remove}>
          {t('figure.remove')}
        </button>
      </div>
    </figure>
  );
}

/** Loads the display rendition only when the figure comes near the viewport. */
function FigureImage({ assetId, alt }: { assetId: string; alt: string }) {
  const { t } = useI18n();
  const media = useMedia();
  const box = useRef<HTMLDivElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let cancelled = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        media.urlFor(assetId, 'display').then(
          (next) => !cancelled && setUrl(next),
          () => !cancelled && setFailed(true),
        );
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [assetId, media]);

  return (
    <div ref={box} className="nd-figure-image">
      {url ? (
        <img src={url} alt={alt} data-testid="figure-image" draggable={false} />
      ) : failed ? (
        <span className="nd-figure-warning">{t('figure.unavailable')}</span>
      ) : null}
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

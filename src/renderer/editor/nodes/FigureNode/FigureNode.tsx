import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { figureNode, type SerializedFigure } from '../../../../shared/content/serializedNodes';
import { FigureView } from './FigureView';

/**
 * The agreed JSON of a photo in the body, declared once in src/shared/content (the converters to
 * and from portal HTML read and write exactly this shape): fields are never renamed here, and
 * `src` is a portal URL, never a data URL.
 */
// Mapped through Omit so it is a type literal (an interface has no implicit index signature,
// which Lexical's importJSON parameter requires).
export type SerializedFigureNode = Spread<Omit<SerializedFigure, never>, SerializedLexicalNode>;

export interface FigurePayload {
  assetId: string;
  src?: string;
  caption?: string;
  alt?: string;
  credit?: string;
  captionMissing?: boolean;
  sourceName?: string;
}

/** A photo block: an asset id plus caption, alt text and credit, edited inline in its view. */
export class FigureNode extends DecoratorNode<JSX.Element> {
  __assetId: string;
  __src: string | undefined;
  __caption: string;
  __alt: string;
  __credit: string;
  __captionMissing: boolean;
  /** The camera file name the imported text used for this photo; shown, never the caption. */
  __sourceName: string;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode(
      {
        assetId: node.__assetId,
        src: node.__src,
        caption: node.__caption,
        alt: node.__alt,
        credit: node.__credit,
        captionMissing: node.__captionMissing,
        sourceName: node.__sourceName,
      },
      node.__key,
    );
  }

  static override importJSON(json: SerializedFigureNode): FigureNode {
    return $createFigureNode(json);
  }

  constructor(payload: FigurePayload, key?: NodeKey) {
    super(key);
    this.__assetId = payload.assetId;
    this.__src = payload.src;
    this.__caption = payload.caption ?? '';
    this.__alt = payload.alt ?? '';
    this.__credit = payload.credit ?? '';
    this.__captionMissing = payload.captionMissing ?? false;
    this.__sourceName = payload.sourceName ?? '';
  }

  override exportJSON(): SerializedFigureNode {
    // The shared builder fixes the key order, so editor output and converter output are identical.
    return figureNode({
      assetId: this.__assetId,
      caption: this.__caption,
      alt: this.__alt,
      credit: this.__credit,
      ...(this.__src !== undefined ? { src: this.__src } : {}),
      ...(this.__captionMissing ? { captionMissing: true } : {}),
      ...(this.__sourceName !== '' ? { sourceName: this.__sourceName } : {}),
    });
  }

  override exportDOM(): DOMExportOutput {
    const figure = document.createElement('figure');
    figure.dataset.assetId = this.__assetId;
    const img = document.createElement('img');
    if (this.__src) img.src = this.__src;
    img.alt = this.__alt;
    figure.append(img);
    if (this.__caption || this.__credit) {
      const caption = document.createElement('figcaption');
      caption.textContent = this.__credit ? `${this.__caption} (${this.__credit})`.trim() : this.__caption;
      figure.append(caption);
    }
    return { element: figure };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = 'nd-figure-host';
    // The view holds inputs; the browser must not treat it as part of the body's text.
    element.contentEditable = 'false';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getAssetId(): string {
    return this.getLatest().__assetId;
  }
  getCaption(): string {
    return this.getLatest().__caption;
  }
  getAlt(): string {
    return this.getLatest().__alt;
  }
  getCredit(): string {
    return this.getLatest().__credit;
  }

  /** Puts a photo in the figure (an imported slot, or a replacement); its fields stay. */
  setAssetId(assetId: string): this {
    const writable = this.getWritable();
    writable.__assetId = assetId;
    return writable;
  }
  setCaption(caption: string): this {
    const writable = this.getWritable();
    writable.__caption = caption;
    if (caption.trim() !== '') writable.__captionMissing = false;
    return writable;
  }
  setAlt(alt: string): this {
    const writable = this.getWritable();
    writable.__alt = alt;
    return writable;
  }
  setCredit(credit: string): this {
    const writable = this.getWritable();
    writable.__credit = credit;
    return writable;
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return (
      <FigureView
        nodeKey={this.getKey()}
        assetId={this.__assetId}
        caption={this.__caption}
        alt={this.__alt}
        credit={this.__credit}
        sourceName={this.__sourceName}
      />
    );
  }
}

export function $createFigureNode(payload: FigurePayload): FigureNode {
  return $applyNodeReplacement(new FigureNode(payload));
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}

export type FigureField = 'caption' | 'alt' | 'credit';

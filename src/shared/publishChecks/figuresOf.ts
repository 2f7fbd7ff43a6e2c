import { plainTextOf } from '../content/plainTextOf';
import type { LexicalState } from '../model/Article';

/** The figures of a body in reading order, as the agreed `figure` JSON carries them. */
export interface FigureFacts {
  assetId: string;
  /** The portal's address of a photo that came from the portal and has no local asset. */
  src: string;
  caption: string;
  alt: string;
  credit: string;
}

export function figuresOf(body: LexicalState): FigureFacts[] {
  return figuresBesideText(body).map(({ figure }) => figure);
}

/**
 * Each figure with the text of the blocks printed right before and after it (its siblings), which
 * the caption lint needs to see a caption repeated as a paragraph beside its photo.
 */
export function figuresBesideText(body: LexicalState): { figure: FigureFacts; beside: string[] }[] {
  const found: { figure: FigureFacts; beside: string[] }[] = [];
  const visit = (children: unknown[]): void => {
    children.forEach((node, index) => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'figure') {
        const figure = {
          assetId: stringOr(record.assetId),
          src: stringOr(record.src),
          caption: stringOr(record.caption),
          alt: stringOr(record.alt),
          credit: stringOr(record.credit),
        };
        const beside = [children[index - 1], children[index + 1]].map(textOfBlock).filter((text) => text !== '');
        found.push({ figure, beside });
        return;
      }
      if (Array.isArray(record.children)) visit(record.children);
    });
  };
  visit(body.root.children);
  return found;
}

function textOfBlock(node: unknown): string {
  if (node === null || typeof node !== 'object' || (node as { type?: unknown }).type === 'figure') return '';
  return plainTextOf({ root: { type: 'root', children: [node] } } as LexicalState).trim();
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

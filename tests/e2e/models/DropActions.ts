import type { Locator } from '@playwright/test';

export interface DroppedFile {
  name: string;
  type: string;
  /** The bytes, base64 (page.evaluate carries JSON). */
  base64: string;
}

/**
 * Drops onto an element as a browser does for a drag from another application: dragenter,
 * dragover, then drop, each a DragEvent carrying one DataTransfer, at a point inside the element
 * (its centre unless given). Returns whether the page cancelled the dragover (needed for files).
 */
export async function dropOnto(
  target: Locator,
  data: { html?: string; text?: string; files?: DroppedFile[] },
  point?: { x: number; y: number },
): Promise<{ dragoverCancelled: boolean }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target is not visible');
  const at = point ?? { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return target.evaluate(
    (element, { html, text, files, at }) => {
      const transfer = new DataTransfer();
      if (html !== undefined) transfer.setData('text/html', html);
      if (text !== undefined) transfer.setData('text/plain', text);
      for (const file of files ?? []) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const fire = (type: string) =>
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, clientX: at.x, clientY: at.y, bubbles: true, cancelable: true }));
      fire('dragenter');
      const dragoverCancelled = !fire('dragover');
      fire('drop');
      return { dragoverCancelled };
    },
    { ...data, at },
  );
}

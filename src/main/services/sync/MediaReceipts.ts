import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable } from '../store/writeFileDurable';
import { newSyncKey } from './SyncStateStore';

/** What the portal holds of one of our photos. */
export interface MediaReceipt {
  assetId: string;
  /** The client key in the attachment's description: a retried upload finds the first one. */
  key: string;
  mediaId: number | null;
  /** Written before the upload is sent: search by key before uploading again. */
  uploadAttempted: boolean;
  sourceUrl: string | null;
  /** caption/alt/description as last sent, so an unchanged photo is not updated again. */
  sentFields: string | null;
  /** Other attachments with the same bytes (uploaded by someone else, or twice): they map here too. */
  otherMediaIds?: number[];
}

/**
 * Our photos ⇄ the portal's attachments, in `sync/media.json`. The media id is the key that
 * survives a portal edit (WordPress drops our block attributes on a wp-admin save), so pulled
 * posts find their local photos through `assetOf(mediaId)`.
 */
export class MediaReceipts {
  private readonly receipts = new Map<string, MediaReceipt>();
  private readonly byMedia = new Map<number, string>();
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<MediaReceipts> {
    await mkdir(join(dataDir, 'sync'), { recursive: true });
    const store = new MediaReceipts(join(dataDir, 'sync', 'media.json'));
    try {
      const parsed = JSON.parse(await readFile(store.file, 'utf8')) as { receipts?: MediaReceipt[] };
      for (const receipt of parsed.receipts ?? []) store.remember(receipt);
    } catch {
      // None yet, or damaged: uploads are found again by their keys.
    }
    return store;
  }

  get(assetId: string): MediaReceipt | undefined {
    return this.receipts.get(assetId);
  }

  assetOf(mediaId: number): string | undefined {
    return this.byMedia.get(mediaId);
  }

  mediaIdOf(assetId: string): number | undefined {
    return this.receipts.get(assetId)?.mediaId ?? undefined;
  }

  async ensure(assetId: string): Promise<MediaReceipt> {
    return this.receipts.get(assetId) ?? this.put({ assetId, key: newSyncKey(), mediaId: null, uploadAttempted: false, sourceUrl: null, sentFields: null });
  }

  async update(assetId: string, change: Partial<MediaReceipt>): Promise<MediaReceipt> {
    const current = await this.ensure(assetId);
    return this.put({ ...current, ...change, assetId });
  }

  private async put(receipt: MediaReceipt): Promise<MediaReceipt> {
    this.remember(receipt);
    const snapshot = JSON.stringify({ receipts: [...this.receipts.values()] });
    const write = this.writing.catch(() => undefined).then(() => writeFileDurable(this.file, snapshot));
    this.writing = write;
    await write;
    return receipt;
  }

  private remember(receipt: MediaReceipt): void {
    this.receipts.set(receipt.assetId, receipt);
    if (receipt.mediaId != null) this.byMedia.set(receipt.mediaId, receipt.assetId);
    for (const id of receipt.otherMediaIds ?? []) this.byMedia.set(id, receipt.assetId);
  }
}

import type { MediaAsset, Rendition } from '../../../shared/model/MediaAsset';
import type { Bridge } from '../../app/bridge';

/**
 * Photos as the editor sees them: imported through the media service, shown through blob: URLs
 * made from the service's bytes. Nodes keep asset ids; the URL is a per-session view of one and is
 * cached (with the in-flight promise, so 40 figures asking at once cause 40 calls, not 400).
 */
export class MediaUrls {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly bridge: Bridge) {}

  async importFile(file: Blob & { name: string }): Promise<MediaAsset> {
    const bytes = await toBase64(file);
    return this.bridge.invoke('media.import', { name: file.name || 'photo', bytes });
  }

  urlFor(assetId: string, rendition: Rendition = 'display'): Promise<string> {
    const key = `${assetId}/${rendition}`;
    let url = this.urls.get(key);
    if (!url) {
      url = this.bridge.invoke('media.get', { assetId, rendition }).then(({ mime, bytes }) =>
        URL.createObjectURL(new Blob([fromBase64(bytes)], { type: mime })),
      );
      // A failure is not cached: the next view of the photo asks again.
      url.catch(() => this.urls.delete(key));
      this.urls.set(key, url);
    }
    return url;
  }
}

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

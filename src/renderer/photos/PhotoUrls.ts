import type { PhotoRendition } from '../../shared/model/Photo';
import type { Bridge } from '../app/bridge';

/**
 * blob: URLs of the desk's renditions, made from the service's bytes and cached per session (the
 * in-flight promise too: a grid scrolled back and forth asks the service once per thumbnail).
 */
export class PhotoUrls {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly bridge: Bridge) {}

  urlFor(id: string, rendition: PhotoRendition): Promise<string> {
    const key = `${id}/${rendition}`;
    let url = this.urls.get(key);
    if (!url) {
      url = this.bridge.invoke('photos.rendition', { id, rendition }).then(({ mime, bytes }) => {
        const binary = atob(bytes);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i += 1) data[i] = binary.charCodeAt(i);
        return URL.createObjectURL(new Blob([data], { type: mime }));
      });
      // A failure is not cached: the next view of the photo asks again.
      url.catch(() => this.urls.delete(key));
      this.urls.set(key, url);
    }
    return url;
  }
}

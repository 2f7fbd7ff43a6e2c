import { useEffect, useState } from 'react';
import type { PhotoRendition } from '../../shared/model/Photo';
import type { PhotoUrls } from './PhotoUrls';

/** One rendition of a desk photo; empty until its bytes arrive. */
export function PhotoImage({ urls, id, rendition, alt, className }: { urls: PhotoUrls; id: string; rendition: PhotoRendition; alt: string; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    urls.urlFor(id, rendition).then(
      (url) => live && setSrc(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [urls, id, rendition]);
  return src ? <img src={src} alt={alt} className={className} draggable={false} /> : <span className={`${className ?? ''} nd-photo-pending`} />;
}

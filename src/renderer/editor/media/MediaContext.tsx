import { createContext, useContext } from 'react';
import type { MediaUrls } from './MediaUrls';

/** Lets node views reach the media service without each node holding a bridge. */
export const MediaContext = createContext<MediaUrls | null>(null);

export function useMedia(): MediaUrls {
  const media = useContext(MediaContext);
  if (!media) throw new Error('useMedia outside <MediaContext.Provider>');
  return media;
}

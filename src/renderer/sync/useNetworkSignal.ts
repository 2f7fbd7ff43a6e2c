import { useEffect } from 'react';
import type { Bridge } from '../app/bridge';

/**
 * Hands the OS's network signal to the sync service: navigator.onLine at start, then every
 * `online`/`offline` event. The service stops trying while offline and resumes when online.
 */
export function useNetworkSignal(bridge: Bridge, target: Window = window): void {
  useEffect(() => {
    const tell = (online: boolean) => {
      // A host that cannot hear it now will hear the next change; nothing to show meanwhile.
      bridge.invoke('sync.setNetwork', { online }).catch(() => undefined);
    };
    tell(target.navigator.onLine);
    const onChange = (event: Event) => tell(event.type === 'online');
    target.addEventListener('online', onChange);
    target.addEventListener('offline', onChange);
    return () => {
      target.removeEventListener('online', onChange);
      target.removeEventListener('offline', onChange);
    };
  }, [bridge, target]);
}

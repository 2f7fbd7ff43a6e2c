import { useEffect, useState } from 'react';
import type { PortalAccountView } from '../../shared/model/PortalAccount';
import type { Bridge } from '../app/bridge';

/** The signed-in portal account (never its password): undefined until known, null when signed out. */
export function usePortalAccount(bridge: Bridge): PortalAccountView | null | undefined {
  const [account, setAccount] = useState<PortalAccountView | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let seen = false;
    const unsubscribe = bridge.on('portal.account', (next) => {
      if (!live) return;
      seen = true;
      setAccount(next);
    });
    bridge.invoke('portal.account', {}).then(
      (current) => {
        if (live && !seen) setAccount(current);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);
  return account;
}

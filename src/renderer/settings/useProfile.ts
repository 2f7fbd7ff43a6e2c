import { useEffect, useState } from 'react';
import type { Profile } from '../../shared/model/Profile';
import type { Bridge } from '../app/bridge';

/** The current profile, kept live: every window follows a change made in any of them. */
export function useProfile(bridge: Bridge): Profile | null {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = bridge.on('profile.changed', (next) => {
      if (live) setProfile(next);
    });
    bridge.invoke('profile.get', {}).then(
      (current) => {
        if (live) setProfile((seen) => seen ?? current);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);
  return profile;
}

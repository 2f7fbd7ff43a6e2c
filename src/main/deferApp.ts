import type { AppEndpoint, EventSink, NewsdeskApp } from './app';

/**
 * An endpoint that a host can hand to its transport before the app has finished opening: calls
 * wait for it, subscriptions attach when it is there. The host listens (and the renderer loads)
 * while the store reads its index, instead of one after the other. If opening fails, calls
 * answer STORAGE_IO (translated in the renderer) rather than hang; the host reports the failure and exits.
 */
export function deferApp(ready: Promise<NewsdeskApp>): AppEndpoint {
  // Settled either way, so a failed open never leaves an unhandled rejection behind.
  const settled: Promise<NewsdeskApp | null> = ready.then(
    (app) => app,
    () => null,
  );
  return {
    invoke: async (channel, input) => {
      const app = await settled;
      if (!app) return { ok: false, error: { code: 'STORAGE_IO' } };
      return app.invoke(channel, input);
    },
    uploadPhoto: async (name, body) => {
      const app = await settled;
      if (!app) return { ok: false, error: { code: 'STORAGE_IO' } };
      return app.uploadPhoto(name, body);
    },
    subscribe: (sink: EventSink) => {
      let unsubscribe: (() => void) | null = null;
      let cancelled = false;
      void settled.then((app) => {
        if (app && !cancelled) unsubscribe = app.subscribe(sink);
      });
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
  };
}

import type { ChannelName, EventName, InvokeResult, NewsdeskTransport } from '../../shared/contract';
import { invokeResultSchema } from '../../shared/contract';

const TOKEN_KEY = 'newsdesk.token';
const TOKEN_HEADER = 'x-newsdesk-token';

/**
 * Reads the launch token from the URL fragment (`#token=…`, never sent to any server), keeps it
 * for this tab's session so a reload still works, and removes it from the address bar.
 */
export function takeLaunchToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The web edition's implementation of `window.newsdesk`: POST /api/<channel>, events over SSE. */
export function createWebTransport(token: string): NewsdeskTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streamStarted = false;

  async function invoke(channel: ChannelName, input: unknown): Promise<InvokeResult> {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'STORAGE_IO', details: { reason: 'host-unreachable' } } };
    }
    const parsed = invokeResultSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data as InvokeResult;
    return { ok: false, error: { code: 'INTERNAL', details: { status: response.status } } };
  }

  async function runEventStream(): Promise<void> {
    // fetch streaming rather than EventSource, so the token travels in a header, not the URL.
    let connectedBefore = false;
    for (;;) {
      try {
        const response = await fetch('/api/events', { headers: { [TOKEN_HEADER]: token } });
        if (!response.ok || !response.body) throw new Error(`events ${response.status}`);
        // Back after a drop (or a host restart): changes made meanwhile were never sent, so the
        // queue, which patches its list from events, is told to list again.
        if (connectedBefore) dispatch('articles.changed', { ids: [], reason: 'reloaded', summaries: [] });
        connectedBefore = true;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatchFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // The host restarted or the connection dropped: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  function dispatchFrame(frame: string): void {
    let event = '';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!event || !data) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    dispatch(event as EventName, payload);
  }

  function dispatch(event: EventName, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  async function uploadPhoto(file: Blob, name: string, signal?: { readonly aborted: boolean }): Promise<InvokeResult> {
    let response: Response;
    try {
      // The bytes as they are: a binary body the host streams to disk, never base64 in JSON.
      response = await fetch(`/api/upload/photo?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token },
        body: file,
        ...(signal instanceof AbortSignal ? { signal } : {}),
      });
    } catch {
      if (signal?.aborted) return { ok: true, value: { kind: 'refused', name, code: 'MEDIA_INVALID', reason: 'cancelled' } };
      return { ok: false, error: { code: 'STORAGE_IO', details: { reason: 'host-unreachable' } } };
    }
    const parsed = invokeResultSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data as InvokeResult;
    return { ok: false, error: { code: 'INTERNAL', details: { status: response.status } } };
  }

  return {
    invoke,
    uploadPhoto,
    on(event, listener) {
      if (!streamStarted) {
        streamStarted = true;
        void runEventStream();
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebTransport } from '../../../../src/renderer/app/webTransport';

/** An event-stream response: the given frames, then either the end (a dropped connection) or nothing more. */
function streamResponse(frames: string[], end: boolean): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const frame of frames) controller.enqueue(new TextEncoder().encode(frame));
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('createWebTransport events', () => {
  it('after the event stream drops and comes back, tells listeners to list again (changes meanwhile were never sent)', async () => {
    const saved = { ids: ['00000000-0000-4000-8000-000000000001'], reason: 'saved', summaries: [] };
    const responses = [
      streamResponse([`event: articles.changed\ndata: ${JSON.stringify(saved)}\n\n`], true),
      streamResponse([], false),
    ];
    const fetch = vi.fn(async (url: string) => {
      expect(url).toBe('/api/events');
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return next;
    });
    vi.stubGlobal('fetch', fetch);

    const seen: unknown[] = [];
    createWebTransport('token').on('articles.changed', (payload) => seen.push(payload));
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 5_000 });
    expect(seen).toEqual([saved, { ids: [], reason: 'reloaded', summaries: [] }]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

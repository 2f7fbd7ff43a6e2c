import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload, InvokeResult } from '../../../../src/shared/contract';
import { NewsdeskError } from '../../../../src/shared/errors';
import { createBridge, type Bridge } from '../../../../src/renderer/app/bridge';
import { I18nProvider } from '../../../../src/renderer/app/i18n';

type Handler<C extends ChannelName> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]?: Handler<C> };

/**
 * The renderer's real bridge over a scripted transport: answers come from `handlers` and are
 * validated against the contract by the bridge itself, so a fixture of the wrong shape fails the
 * test the way a host bug would fail the app. Calls are recorded; events are emitted by the test.
 */
export function fakeHost(handlers: Handlers) {
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const bridge: Bridge = createBridge({
    async invoke(channel, input): Promise<InvokeResult> {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', details: { channel } } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof NewsdeskError) return { ok: false, error: error.toPayload() };
        throw error;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  return {
    bridge,
    calls,
    callsOf: (channel: ChannelName) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    async emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void> {
      await act(async () => {
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    },
  };
}

/** Renders in the default language (Vietnamese); `flush` lets pending answers land. */
export async function mount(node: ReactNode): Promise<{ container: HTMLElement; unmount(): Promise<void> }> {
  localStorage.clear();
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root;
  await act(async () => {
    root = createRoot(container);
    root.render(<I18nProvider>{node}</I18nProvider>);
  });
  return {
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

/** A change as React sees it from typing: the value setter React tracks, then an input event. */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
  });
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no [data-testid="${id}"]`);
  return found;
}

export { act };

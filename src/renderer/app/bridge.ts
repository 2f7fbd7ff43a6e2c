import {
  channels,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type NewsdeskTransport,
} from '../../shared/contract';
import { NewsdeskError } from '../../shared/errors';
import { photoImportOutcomeSchema, type PhotoImportOutcome } from '../../shared/model/Photo';
import { createWebTransport, takeLaunchToken } from './webTransport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web edition. */
    newsdesk?: NewsdeskTransport;
  }
}

/**
 * The renderer's only door to the services. In the desktop app it is the preload's
 * `window.newsdesk`; in the web edition, HTTP to the loopback host. Results are validated against
 * the contract here too, so a host bug shows up as a typed error rather than a broken screen.
 */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Whether this host takes photo bytes (the web edition); the desktop imports through its dialog. */
  readonly canUploadPhotos: boolean;
  /** One photo's bytes to the desk, as a binary body; a refused file is an outcome, not an error. */
  uploadPhoto(file: Blob, name: string, signal?: AbortSignal): Promise<PhotoImportOutcome>;
}

export function createBridge(transport: NewsdeskTransport): Bridge {
  return {
    async invoke(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw NewsdeskError.fromPayload(result.error);
      const parsed = channels[channel].output.safeParse(result.value);
      if (!parsed.success) throw new NewsdeskError('INTERNAL', { channel, reason: 'bad-output' });
      return parsed.data as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
    canUploadPhotos: transport.uploadPhoto !== undefined,
    async uploadPhoto(file, name, signal) {
      if (!transport.uploadPhoto) throw new NewsdeskError('VALIDATION', { reason: 'no-upload' });
      const result = await transport.uploadPhoto(file, name, signal);
      if (!result.ok) throw NewsdeskError.fromPayload(result.error);
      const parsed = photoImportOutcomeSchema.safeParse(result.value);
      if (!parsed.success) throw new NewsdeskError('INTERNAL', { reason: 'bad-output' });
      return parsed.data;
    },
  };
}

/** null when the web edition was opened without its launch token. */
function connect(): Bridge | null {
  if (window.newsdesk) return createBridge(window.newsdesk);
  const token = takeLaunchToken();
  return token ? createBridge(createWebTransport(token)) : null;
}

export const bridge: Bridge | null = connect();

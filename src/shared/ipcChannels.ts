import type { EventName } from './contract';

/** The two Electron IPC names behind the contract; only the preload and main/electron use them. */
export const INVOKE_CHANNEL = 'newsdesk:invoke';

export function eventChannel(event: EventName): string {
  return `newsdesk:event:${event}`;
}

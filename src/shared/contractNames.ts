import type { ChannelName, EventName } from './contract';

/**
 * The contract's channel and event names, without its schemas. The preload checks names and
 * nothing else; importing contract.ts there bundled zod and every schema into it (406 KB, parsed in
 * every window before the page). Both lists are held to contract.ts by the types below: a name the
 * contract lacks fails `satisfies`; a contract name missing here fails the `Complete` check, whose
 * error names it. So a new channel is still declared in contract.ts, and the compiler then asks for
 * its name here.
 */
export const CHANNEL_NAME_LIST = [
  'search.query',
  'store.notices',
  'store.dismissNotice',
  'history.list',
  'history.get',
  'history.restore',
  'media.import',
  'media.get',
  'photos.list',
  'photos.rendition',
  'photos.update',
  'photos.updateMany',
  'photos.importDialog',
  'photos.importCancel',
  'app.info',
  'articles.list',
  'articles.create',
  'articles.get',
  'articles.save',
  'articles.transition',
  'articles.overrideCheck',
  'articles.bulk',
  'articles.export',
  'profile.get',
  'profile.set',
  'portal.account',
  'portal.signIn',
  'portal.signOut',
  'sync.status',
  'sync.articles',
  'sync.outbox',
  'sync.now',
  'sync.retry',
  'sync.cancel',
  'sync.setNetwork',
  'sync.setDrafts',
  'sync.conflict',
  'sync.resolve',
  'sync.afterPortalDelete',
] as const satisfies readonly ChannelName[];

export const EVENT_NAME_LIST = ['articles.changed', 'profile.changed', 'store.notice', 'portal.account', 'sync.changed', 'photos.changed', 'photos.importProgress'] as const satisfies readonly EventName[];

/** `true` when every name of the contract is listed; otherwise a message naming what is missing. */
type Complete<All extends string, Listed, List extends string> = [Exclude<All, Listed>] extends [never]
  ? true
  : `add to ${List} in src/shared/contractNames.ts: ${Exclude<All, Listed>}`;
const channelsComplete: Complete<ChannelName, (typeof CHANNEL_NAME_LIST)[number], 'CHANNEL_NAME_LIST'> = true;
const eventsComplete: Complete<EventName, (typeof EVENT_NAME_LIST)[number], 'EVENT_NAME_LIST'> = true;
void channelsComplete;
void eventsComplete;

const channelNames: ReadonlySet<string> = new Set(CHANNEL_NAME_LIST);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAME_LIST);

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && channelNames.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNames.has(value);
}

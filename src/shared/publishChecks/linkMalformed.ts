import { isWellFormedLink } from './isWellFormedLink';
import type { PublishRule } from './PublishRule';

/** The longest part of a URL an issue quotes: enough to recognise it in the body. */
const URL_QUOTE_MAX = 120;

/**
 * Blocking, one issue per bad link: a javascript: link is an attack on readers, and an empty,
 * spaced or relative one is a dead link on the published page. Neither is a judgement call.
 */
export const linkMalformed: PublishRule = {
  id: 'LINK_MALFORMED',
  severity: 'blocking',
  field: 'body',
  message: 'rules.LINK_MALFORMED',
  check: (_article, facts) =>
    facts.links.filter((link) => !isWellFormedLink(link.url)).map((link) => ({ link: link.number, url: link.url.slice(0, URL_QUOTE_MAX) })),
};

import { plainTextOf } from '../content/plainTextOf';
import type { PublishRule } from './PublishRule';

/** Blocking: an article with no text is not an article (photos alone need words around them). */
export const bodyEmpty: PublishRule = {
  id: 'BODY_EMPTY',
  severity: 'blocking',
  field: 'body',
  message: 'rules.BODY_EMPTY',
  check: (article) => plainTextOf(article.body).trim() === '',
};

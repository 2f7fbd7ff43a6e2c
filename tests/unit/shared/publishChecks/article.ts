import type { LexicalState } from '../../../../src/shared/model/Article';
import { articleFactsOf } from '../../../../src/shared/publishChecks/checkArticle';
import type { CheckableArticle, PublishRule } from '../../../../src/shared/publishChecks/PublishRule';

export function bodyWith(...children: unknown[]): LexicalState {
  return { root: { type: 'root', children } };
}
export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
export const link = (url: string, text = 'Cổng thông tin') => ({ type: 'link', url, children: [{ type: 'text', text }] });
export const figure = (caption: string, alt: string, assetId = 'a1') => ({
  type: 'figure',
  version: 1,
  assetId,
  caption,
  alt,
  credit: 'Thanh Bình',
});

/** An article every check passes, so that a test of one rule varies only what that rule reads. */
export function article(fields: Partial<CheckableArticle> = {}): CheckableArticle {
  return {
    title: 'Cửa Lò tham gia giao ban',
    lead: 'Bãi biển Cửa Lò đón hàng nghìn lượt khách.',
    body: bodyWith(paragraph('Sáng nay, bãi biển đông khách.'), figure('Du khách tắm biển Cửa Lò sáng nay', 'Bãi biển đông người')),
    byline: 'Thanh Bình',
    category: 'Du lịch',
    featuredAssetId: 'a1',
    slug: '',
    ...fields,
  };
}

/** What one rule finds on an article, alone (facts worked out as checkArticle does). */
export function run(rule: PublishRule, checked: CheckableArticle) {
  return rule.check(checked, articleFactsOf(checked));
}

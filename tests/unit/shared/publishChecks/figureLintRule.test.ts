import { describe, expect, it } from 'vitest';
import { captionTooLong } from '../../../../src/shared/captionLint/captionTooLong';
import { captionTooShort } from '../../../../src/shared/captionLint/captionTooShort';
import { creditMissing } from '../../../../src/shared/captionLint/creditMissing';
import { figureLintRule } from '../../../../src/shared/publishChecks/figureLintRule';
import { article, bodyWith, figure, paragraph, run } from './article';

describe('figureLintRule', () => {
  it('takes the caption rule’s severity under a FIGURE_ id', () => {
    expect(figureLintRule(creditMissing)).toMatchObject({ id: 'FIGURE_CREDIT_MISSING', severity: 'warning', field: 'figure', message: 'rules.FIGURE_CREDIT_MISSING' });
    expect(figureLintRule(captionTooLong)).toMatchObject({ id: 'FIGURE_CAPTION_TOO_LONG', severity: 'blocking' });
  });
  it('finds the caption rule’s problem on each figure it applies to, with the figure, the input and the limit', () => {
    const body = bodyWith(
      paragraph('Chữ'),
      { ...figure('Du khách tắm biển Cửa Lò sáng nay', 'Bãi biển', 'ok'), credit: '' },
      figure('Quang cảnh', 'Hội trường', 'short'),
      { ...figure('Hội nghị', 'Hội trường', 'both'), credit: '' },
    );
    expect(run(figureLintRule(creditMissing), article({ body }))).toEqual([
      { figure: 1, assetId: 'ok', part: 'credit' },
      { figure: 3, assetId: 'both', part: 'credit' },
    ]);
    expect(run(figureLintRule(captionTooShort), article({ body }))).toEqual([
      { figure: 2, assetId: 'short', part: 'caption', limit: 5 },
      { figure: 3, assetId: 'both', part: 'caption', limit: 5 },
    ]);
    expect(run(figureLintRule(creditMissing), article())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { categoryMissing } from '../../../../src/shared/publishChecks/categoryMissing';
import { article, run } from './article';

describe('categoryMissing', () => {
  it('warns (an uncategorised post is unfindable on the portal; the editor may let it stand), and is about the category', () =>
    expect(categoryMissing).toMatchObject({ id: 'CATEGORY_MISSING', severity: 'warning', field: 'category' }));
  it.each(['', '  '])('finds the category %j missing', (category) => expect(run(categoryMissing, article({ category }))).toBe(true));
  it('finds a category present', () => expect(run(categoryMissing, article({ category: 'Thời sự' }))).toBe(false));
});

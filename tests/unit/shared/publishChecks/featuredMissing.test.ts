import { describe, expect, it } from 'vitest';
import { featuredMissing } from '../../../../src/shared/publishChecks/featuredMissing';
import { article, run } from './article';

describe('featuredMissing', () => {
  it('only warns (a notice rightly has no photo: an editor may let it stand)', () =>
    expect(featuredMissing).toMatchObject({ id: 'FEATURED_MISSING', severity: 'warning', field: 'featured' }));
  it('finds no featured photo when none is chosen', () => {
    expect(run(featuredMissing, article({ featuredAssetId: null }))).toBe(true);
    expect(run(featuredMissing, article({ featuredAssetId: '' }))).toBe(true);
  });
  it('passes with a featured photo, from the body or the portal', () => {
    expect(run(featuredMissing, article())).toBe(false);
    expect(run(featuredMissing, article({ featuredAssetId: 'wp:97' }))).toBe(false);
  });
});

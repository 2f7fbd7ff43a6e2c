import { describe, expect, it } from 'vitest';
import { slugEmpty } from '../../../../src/shared/publishChecks/slugEmpty';
import { article, run } from './article';

describe('slugEmpty', () => {
  it('only warns, and is about the slug; a missing title is reported as that instead', () =>
    expect(slugEmpty).toMatchObject({ id: 'SLUG_EMPTY', severity: 'warning', field: 'slug', unless: ['TITLE_MISSING'] }));
  it('finds a title of only signs or emoji giving no slug', () => {
    expect(run(slugEmpty, article({ title: '🎉 !!! 🎉' }))).toBe(true);
    expect(run(slugEmpty, article({ title: '“…”', slug: '   ' }))).toBe(true);
  });
  it('passes a title that folds, or a slug the writer set', () => {
    expect(run(slugEmpty, article())).toBe(false);
    expect(run(slugEmpty, article({ title: '🎉', slug: 'le-hoi' }))).toBe(false);
  });
});

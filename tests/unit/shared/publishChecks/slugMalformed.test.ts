import { describe, expect, it } from 'vitest';
import { slugMalformed } from '../../../../src/shared/publishChecks/slugMalformed';
import { article, run } from './article';

describe('slugMalformed', () => {
  it('only warns (the push sends the slug folded anyway), and is about the slug', () =>
    expect(slugMalformed).toMatchObject({ id: 'SLUG_MALFORMED', severity: 'warning', field: 'slug' }));
  it('shows the slug that will be sent for one typed with marks, spaces or capitals', () => {
    expect(run(slugMalformed, article({ slug: 'Cửa Lò giao ban' }))).toEqual({ slug: 'cua-lo-giao-ban' });
    expect(run(slugMalformed, article({ slug: 'Đà-Nẵng' }))).toEqual({ slug: 'da-nang' });
  });
  it('passes a folded slug, and no slug (the title’s is used)', () => {
    expect(run(slugMalformed, article({ slug: 'cua-lo-giao-ban-2024' }))).toBe(false);
    expect(run(slugMalformed, article({ slug: '' }))).toBe(false);
    expect(run(slugMalformed, article({ slug: undefined }))).toBe(false);
  });
});

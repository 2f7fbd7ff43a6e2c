import { describe, expect, it } from 'vitest';
import { bylineMissing } from '../../../../src/shared/publishChecks/bylineMissing';
import { article, run } from './article';

describe('bylineMissing', () => {
  it('blocks, and is about the byline', () => expect(bylineMissing).toMatchObject({ id: 'BYLINE_MISSING', severity: 'blocking', field: 'byline' }));
  it('finds a blank byline missing and a name present', () => {
    expect(run(bylineMissing, article({ byline: ' ' }))).toBe(true);
    expect(run(bylineMissing, article())).toBe(false);
  });
});

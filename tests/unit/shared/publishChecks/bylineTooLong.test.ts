import { describe, expect, it } from 'vitest';
import { bylineTooLong } from '../../../../src/shared/publishChecks/bylineTooLong';
import { PUBLISH_LIMITS } from '../../../../src/shared/publishChecks/PublishRule';
import { article, run } from './article';

describe('bylineTooLong', () => {
  it('blocks, and is about the byline', () => expect(bylineTooLong).toMatchObject({ id: 'BYLINE_TOO_LONG', severity: 'blocking', field: 'byline' }));
  it('passes the limit and fails one past it', () => {
    expect(run(bylineTooLong, article({ byline: 'c'.repeat(PUBLISH_LIMITS.bylineMax) }))).toBe(false);
    expect(run(bylineTooLong, article({ byline: 'c'.repeat(PUBLISH_LIMITS.bylineMax + 1) }))).toEqual({ limit: PUBLISH_LIMITS.bylineMax });
  });
});

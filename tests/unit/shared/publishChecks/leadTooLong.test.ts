import { describe, expect, it } from 'vitest';
import { leadTooLong } from '../../../../src/shared/publishChecks/leadTooLong';
import { PUBLISH_LIMITS } from '../../../../src/shared/publishChecks/PublishRule';
import { article, run } from './article';

describe('leadTooLong', () => {
  it('blocks, and is about the lead', () => expect(leadTooLong).toMatchObject({ id: 'LEAD_TOO_LONG', severity: 'blocking', field: 'lead' }));
  it('passes the limit and fails one past it, with the limit', () => {
    expect(run(leadTooLong, article({ lead: 'b'.repeat(PUBLISH_LIMITS.leadMax) }))).toBe(false);
    expect(run(leadTooLong, article({ lead: 'b'.repeat(PUBLISH_LIMITS.leadMax + 1) }))).toEqual({ limit: PUBLISH_LIMITS.leadMax });
  });
});

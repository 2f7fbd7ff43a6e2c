import { describe, expect, it } from 'vitest';
import { leadMissing } from '../../../../src/shared/publishChecks/leadMissing';
import { article, run } from './article';

describe('leadMissing', () => {
  it('blocks, and is about the lead', () => expect(leadMissing).toMatchObject({ id: 'LEAD_MISSING', severity: 'blocking', field: 'lead' }));
  it.each(['', ' \n '])('finds the lead %j missing', (lead) => expect(run(leadMissing, article({ lead }))).toBe(true));
  it('finds a lead present', () => expect(run(leadMissing, article())).toBe(false));
});

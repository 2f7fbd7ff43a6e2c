import { describe, expect, it } from 'vitest';
import { titleMissing } from '../../../../src/shared/publishChecks/titleMissing';
import { article, run } from './article';

describe('titleMissing', () => {
  it('blocks, and is about the title', () => expect(titleMissing).toMatchObject({ id: 'TITLE_MISSING', severity: 'blocking', field: 'title', message: 'rules.TITLE_MISSING' }));
  it.each(['', '   ', '\n\t'])('finds the title %j missing', (title) => expect(run(titleMissing, article({ title }))).toBe(true));
  it('finds a title present', () => expect(run(titleMissing, article())).toBe(false));
});

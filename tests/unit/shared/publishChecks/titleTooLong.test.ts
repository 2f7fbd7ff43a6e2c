import { describe, expect, it } from 'vitest';
import { PUBLISH_LIMITS } from '../../../../src/shared/publishChecks/PublishRule';
import { titleTooLong } from '../../../../src/shared/publishChecks/titleTooLong';
import { article, run } from './article';

describe('titleTooLong', () => {
  it('blocks at 120 characters, the limit issue #15 sets (it was 150)', () => {
    expect(titleTooLong).toMatchObject({ id: 'TITLE_TOO_LONG', severity: 'blocking', field: 'title' });
    expect(PUBLISH_LIMITS.titleMax).toBe(120);
  });
  it('passes 120 characters and fails 121, with the limit', () => {
    expect(run(titleTooLong, article({ title: 'ả'.repeat(120) }))).toBe(false);
    expect(run(titleTooLong, article({ title: 'ả'.repeat(121) }))).toEqual({ limit: 120 });
  });
  it('a 130-character title, fine under the old limit, is now too long', () =>
    expect(run(titleTooLong, article({ title: 'Cửa Lò '.repeat(19).slice(0, 130) }))).toEqual({ limit: 120 }));
  it('counts the title without the spaces around it', () => expect(run(titleTooLong, article({ title: `  ${'a'.repeat(120)}  ` }))).toBe(false));
});

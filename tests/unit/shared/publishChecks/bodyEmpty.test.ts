import { describe, expect, it } from 'vitest';
import { emptyBody } from '../../../../src/shared/model/Article';
import { bodyEmpty } from '../../../../src/shared/publishChecks/bodyEmpty';
import { article, bodyWith, figure, paragraph, run } from './article';

describe('bodyEmpty', () => {
  it('blocks, and is about the body', () => expect(bodyEmpty).toMatchObject({ id: 'BODY_EMPTY', severity: 'blocking', field: 'body' }));
  it('finds an empty body, and one holding only a figure, empty of text', () => {
    expect(run(bodyEmpty, article({ body: emptyBody() }))).toBe(true);
    expect(run(bodyEmpty, article({ body: bodyWith(figure('Tàu cá cập cảng Cửa Hội sáng nay', 'Tàu')) }))).toBe(true);
    expect(run(bodyEmpty, article({ body: bodyWith(paragraph('  ')) }))).toBe(true);
  });
  it('finds text present', () => expect(run(bodyEmpty, article())).toBe(false));
});

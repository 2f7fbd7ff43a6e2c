import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../../src/shared/content/parseArticleText';
import { plainTextOf } from '../../../../src/shared/content/plainTextOf';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/articles/${name}`, import.meta.url), 'utf8');
const types = (body: { root: { children: unknown[] } }) => body.root.children.map((n) => (n as { type: string }).type);

describe('parseArticleText', () => {
  it('reads title, date, paragraphs, photo slots with de-duplicated captions and credit, and the byline', () => {
    const parsed = parseArticleText(fixture('hoi-cho-nong-san.txt'));
    expect(parsed.title).toBe('Khai mạc hội chợ nông sản thị trấn năm 2019');
    expect(parsed.publishedDate).toBe('2019-03-07');
    expect(parsed.byline).toBe('Hoàng Lan');
    expect(parsed.paragraphs).toHaveLength(3);
    expect(parsed.paragraphs[0]).toMatch(/^Sáng nay, hội chợ/);
    expect(parsed.photos).toEqual([
      { placeholder: 'img_4426', caption: 'Các gian hàng trưng bày sản phẩm OCOP của địa phương', credit: '', captionMissing: false },
      { placeholder: 'DSC01234', caption: 'Lãnh đạo huyện tham quan gian hàng', credit: 'Minh Tâm', captionMissing: false },
      { placeholder: 'tttt7', caption: '', credit: '', captionMissing: true },
    ]);
    expect(types(parsed.body)).toEqual(['figure', 'paragraph', 'paragraph', 'figure', 'figure', 'paragraph']);
    // The caption line printed twice appears once, in the figure, not as paragraphs.
    expect(plainTextOf(parsed.body)).not.toContain('OCOP của địa phương');
    expect(parsed.body.root.children[0]).toMatchObject({ type: 'figure', caption: 'Các gian hàng trưng bày sản phẩm OCOP của địa phương' });
    expect(parsed.body.root.children[4]).toMatchObject({ type: 'figure', captionMissing: true, caption: '' });
  });

  it('keeps each placeholder as the figure’s sourceName, never as its caption', () => {
    const parsed = parseArticleText(fixture('hoi-cho-nong-san.txt'));
    const figures = parsed.body.root.children.filter((n) => (n as { type: string }).type === 'figure') as unknown as {
      sourceName?: string;
      caption: string;
    }[];
    expect(figures.map((f) => f.sourceName)).toEqual(['img_4426', 'DSC01234', 'tttt7']);
    expect(figures[2]!.caption).toBe('');
    expect(plainTextOf(parsed.body)).not.toMatch(/img_4426|DSC01234|tttt7/);
  });

  it('keeps the sourceName when a caption printed twice arrives after the text that follows its photo', () => {
    const parsed = parseArticleText(
      ['Tiêu đề', 'Đăng ngày 24/11/2016', 'tttt1', 'Đoạn văn dài kể lại diễn biến của hội nghị trong buổi sáng.', 'Quang cảnh hội nghị', 'Quang cảnh hội nghị', 'Đoạn cuối của bài viết, có dấu chấm.', 'Thanh Bình'].join('\n\n'),
    );
    expect(parsed.body.root.children[0]).toMatchObject({ type: 'figure', caption: 'Quang cảnh hội nghị', sourceName: 'tttt1' });
    expect(parsed.body.root.children[0]).not.toHaveProperty('captionMissing');
  });

  it('copes with a BOM, CRLF line ends, decomposed Vietnamese and consecutive placeholders', () => {
    const parsed = parseArticleText(fixture('ve-sinh-moi-truong-crlf-nfd.txt'));
    expect(parsed.title).toBe('Ra quân tổng vệ sinh môi trường'.normalize('NFC'));
    expect(parsed.publishedDate).toBe('2016-11-24');
    expect(parsed.byline).toBe('Văn Hùng');
    expect(parsed.photos.map((p) => [p.placeholder, p.captionMissing])).toEqual([
      ['tttt', true],
      ['tttt1', true],
      ['tttt2', true],
    ]);
    expect(parsed.paragraphs).toHaveLength(2);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(parsed).normalize('NFC'));
  });

  it('keeps every line of text it does not recognise, and rejects impossible dates', () => {
    const parsed = parseArticleText('Tiêu đề\nĐăng ngày 31/02/2020\nUBND huyện họp.\nMột đoạn văn dài kết thúc bằng dấu chấm.');
    expect(parsed.publishedDate).toBeNull();
    expect(parsed.byline).toBe('');
    expect(parsed.paragraphs).toEqual(['UBND huyện họp.', 'Một đoạn văn dài kết thúc bằng dấu chấm.']);
  });

  it('gives an empty document for an empty file instead of throwing', () => {
    const parsed = parseArticleText('');
    expect(parsed.title).toBe('');
    expect(types(parsed.body)).toEqual(['paragraph']);
  });
});

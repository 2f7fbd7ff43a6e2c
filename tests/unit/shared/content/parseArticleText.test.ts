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
      { placeholder: 'img_4426', caption: '', alt: '', credit: '', captionMissing: true },
      // Printed twice after the paragraph that follows img_4426: a photo of its own, not img_4426's.
      { placeholder: '', caption: 'Các gian hàng trưng bày sản phẩm OCOP của địa phương', alt: '', credit: '', captionMissing: false },
      { placeholder: 'DSC01234', caption: 'Lãnh đạo huyện tham quan gian hàng', alt: '', credit: 'Minh Tâm', captionMissing: false },
      { placeholder: 'tttt7', caption: '', alt: '', credit: '', captionMissing: true },
    ]);
    expect(types(parsed.body)).toEqual(['figure', 'paragraph', 'figure', 'paragraph', 'figure', 'figure', 'paragraph']);
    // The caption line printed twice appears once, in the figure, not as paragraphs.
    expect(plainTextOf(parsed.body)).not.toContain('OCOP của địa phương');
    expect(parsed.body.root.children[2]).toMatchObject({ type: 'figure', caption: 'Các gian hàng trưng bày sản phẩm OCOP của địa phương' });
    expect(parsed.body.root.children[5]).toMatchObject({ type: 'figure', captionMissing: true, caption: '' });
  });

  it('keeps each placeholder as the figure’s sourceName, never as its caption', () => {
    const parsed = parseArticleText(fixture('hoi-cho-nong-san.txt'));
    const figures = parsed.body.root.children.filter((n) => (n as { type: string }).type === 'figure') as unknown as {
      sourceName?: string;
      caption: string;
    }[];
    expect(figures.map((f) => f.sourceName)).toEqual(['img_4426', undefined, 'DSC01234', 'tttt7']);
    expect(figures[3]!.caption).toBe('');
    expect(plainTextOf(parsed.body)).not.toMatch(/img_4426|DSC01234|tttt7/);
  });

  it('reads the shapes of an old portal page: captions printed plain then indented, in two wordings, beside consecutive slots', () => {
    const parsed = parseArticleText(fixture('giao-ban-quy-iii.txt'));
    expect(parsed.title).toBe('Cửa Lò tổ chức hội nghị giao ban quý III');
    expect(parsed.publishedDate).toBe('2024-10-15');
    expect(parsed.byline).toBe('Thanh Bình');
    expect(types(parsed.body)).toEqual([
      'figure',
      'paragraph',
      'figure',
      'paragraph',
      'figure',
      'figure',
      'paragraph',
      'figure',
      'paragraph',
      'figure',
      'paragraph',
    ]);
    expect(parsed.photos).toEqual([
      // Plain, then the same words indented: one caption.
      { placeholder: 'tttt', caption: 'Điểm cầu tại Sở Thông tin và Truyền thông', alt: '', credit: '', captionMissing: false },
      // Two wordings: the first is the caption, the second the alt text; the credit wherever it was.
      {
        placeholder: 'img_4426',
        caption: 'Quang cảnh hội nghị tại điểm cầu thị xã',
        alt: 'Toàn cảnh hội nghị tại điểm cầu thị xã',
        credit: 'Minh Tâm',
        captionMissing: false,
      },
      // Two slots in a row: the caption is the second one's, the one it stands with.
      { placeholder: 'tttt2', caption: '', alt: '', credit: '', captionMissing: true },
      {
        placeholder: 'tttt3',
        caption: 'Đồng chí Nguyễn Văn Hùng, Chủ tịch UBND thị xã, phát biểu kết luận hội nghị',
        alt: '',
        credit: '',
        captionMissing: false,
      },
      // A paragraph stands between tttt4 and the next caption printed twice: never carried across.
      { placeholder: 'tttt4', caption: '', alt: '', credit: '', captionMissing: true },
      { placeholder: '', caption: 'Đại diện phường Nghi Thu trình bày tham luận', alt: '', credit: '', captionMissing: false },
    ]);
    // No caption is left as a body paragraph, once or twice.
    expect(parsed.paragraphs).toHaveLength(5);
    const text = plainTextOf(parsed.body);
    for (const photo of parsed.photos.filter((p) => p.caption !== '')) expect(text).not.toContain(photo.caption);
    expect(text).not.toContain('Toàn cảnh hội nghị');
    expect(parsed.body.root.children[2]).toMatchObject({
      type: 'figure',
      caption: 'Quang cảnh hội nghị tại điểm cầu thị xã',
      alt: 'Toàn cảnh hội nghị tại điểm cầu thị xã',
      credit: 'Minh Tâm',
      sourceName: 'img_4426',
    });
    expect(parsed.body.root.children[9]).not.toHaveProperty('sourceName');
  });

  it('never carries a caption printed twice across a paragraph to the photo before it', () => {
    const parsed = parseArticleText(
      ['Tiêu đề', 'Đăng ngày 24/11/2016', 'tttt1', 'Đoạn văn dài kể lại diễn biến của hội nghị trong buổi sáng.', 'Quang cảnh hội nghị', 'Quang cảnh hội nghị', 'Đoạn cuối của bài viết, có dấu chấm.', 'Thanh Bình'].join('\n\n'),
    );
    expect(types(parsed.body)).toEqual(['figure', 'paragraph', 'figure', 'paragraph']);
    expect(parsed.body.root.children[0]).toMatchObject({ type: 'figure', caption: '', captionMissing: true, sourceName: 'tttt1' });
    expect(parsed.body.root.children[2]).toMatchObject({ type: 'figure', caption: 'Quang cảnh hội nghị' });
    expect(parsed.body.root.children[2]).not.toHaveProperty('sourceName');
  });

  it('takes the plain printing as the caption when the indented one comes first', () => {
    const parsed = parseArticleText(
      ['Tiêu đề', 'DSC_0012', '      Toàn cảnh lễ khánh thành cầu Hưng Đức', 'Quang cảnh lễ khánh thành cầu Hưng Đức', 'Đoạn văn có dấu chấm.'].join('\n\n'),
    );
    expect(parsed.photos).toEqual([
      {
        placeholder: 'DSC_0012',
        caption: 'Quang cảnh lễ khánh thành cầu Hưng Đức',
        alt: 'Toàn cảnh lễ khánh thành cầu Hưng Đức',
        credit: '',
        captionMissing: false,
      },
    ]);
  });

  it('keeps a short paragraph after a caption as a paragraph, and a long paragraph printed twice as two', () => {
    const paragraph =
      'Trong 9 tháng, thu ngân sách trên địa bàn đạt 85% dự toán; công tác cải cách hành chính, chuyển đổi số có nhiều chuyển biến rõ nét, được người dân đánh giá cao và đồng tình ủng hộ.';
    const parsed = parseArticleText(
      ['Tiêu đề', 'tttt', 'Quang cảnh hội nghị', 'Hội nghị kết thúc lúc 11 giờ cùng ngày', paragraph, paragraph, 'Hết bài.'].join('\n\n'),
    );
    expect(parsed.photos).toEqual([{ placeholder: 'tttt', caption: 'Quang cảnh hội nghị', alt: '', credit: '', captionMissing: false }]);
    expect(parsed.paragraphs).toEqual(['Hội nghị kết thúc lúc 11 giờ cùng ngày', paragraph, paragraph, 'Hết bài.']);
  });

  it('does not take a separator printed twice for a caption, nor a caption’s last printing for the byline', () => {
    const parsed = parseArticleText(['Tiêu đề', 'Đoạn văn có dấu chấm.', '***', '***', 'tttt5', 'Đại biểu dự lễ khánh thành', '    Đại biểu dự lễ khánh thành'].join('\n\n'));
    expect(parsed.paragraphs).toEqual(['Đoạn văn có dấu chấm.', '***', '***']);
    expect(parsed.byline).toBe('');
    expect(parsed.photos).toEqual([{ placeholder: 'tttt5', caption: 'Đại biểu dự lễ khánh thành', alt: '', credit: '', captionMissing: false }]);
  });

  it('reads a name any camera, phone or screenshot tool gives as a photo slot', () => {
    const parsed = parseArticleText(
      ['Tiêu đề', 'IMG-20170728-WA0003', 'Ảnh chụp màn hình (3)', 'Đoạn văn có dấu chấm.', 'Ông Lê Văn Bình'].join('\n\n'),
    );
    expect(parsed.photos.map((p) => [p.placeholder, p.captionMissing])).toEqual([
      ['IMG-20170728-WA0003', true],
      ['Ảnh chụp màn hình (3)', true],
    ]);
    expect(parsed.byline).toBe('Ông Lê Văn Bình');
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

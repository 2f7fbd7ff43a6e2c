import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../../../src/main/services/portal/contentDisposition';

describe('contentDisposition', () => {
  it('gives an ASCII filename WordPress 6.1 can use and the Vietnamese name as filename*', () => {
    expect(contentDisposition('Hội nghị giao ban quý III.jpg')).toBe(
      `attachment; filename="Hoi-nghi-giao-ban-quy-III.jpg"; filename*=UTF-8''H%E1%BB%99i%20ngh%E1%BB%8B%20giao%20ban%20qu%C3%BD%20III.jpg`,
    );
    expect(contentDisposition('Đường ven biển Cửa Lò.JPG')).toContain('filename="Duong-ven-bien-Cua-Lo.JPG"');
  });

  it('decodes back to the NFC name', () => {
    const header = contentDisposition('Cửa Lò (sáng 30-4)*.jpg'.normalize('NFD'));
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded)).toBe('Cửa Lò (sáng 30-4)*.jpg');
  });

  it('keeps nothing in the fallback that WordPress splits on (; = ") or that names a path', () => {
    const header = contentDisposition('a;b="c"/..\\d.jpg');
    const fallback = /filename="([^"]*)"/.exec(header)![1]!;
    expect(fallback).toBe('a-b-c-d.jpg');
  });

  it('sends a plain ASCII name alone, and a name without Latin letters as "upload" with its extension', () => {
    expect(contentDisposition('IMG_4426.JPG')).toBe('attachment; filename="IMG_4426.JPG"');
    expect(contentDisposition('照片.jpg')).toMatch(/^attachment; filename="upload\.jpg"; filename\*=UTF-8''%E7%85%A7%E7%89%87\.jpg$/);
  });
});

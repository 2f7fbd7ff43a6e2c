import { describe, expect, it } from 'vitest';
import { CAPTION_ISSUE_CODES } from '../../../../src/shared/captionLint/CaptionRule';
import { lintCaption } from '../../../../src/shared/captionLint/lintCaption';
import { CAPTION_RULES } from '../../../../src/shared/captionLint/rules';
import { photo } from './photo';
import { REAL_CAPTIONS } from './realCaptions';

const codes = (...args: Parameters<typeof lintCaption>) => lintCaption(...args).map((issue) => issue.code);

describe('CAPTION_RULES', () => {
  it('holds one rule per code, in the order of the codes', () => {
    expect(CAPTION_RULES.map((rule) => rule.code)).toEqual([...CAPTION_ISSUE_CODES]);
  });
  it('names in `unless` only rules above it, so the list decides in one pass', () => {
    CAPTION_RULES.forEach((rule, index) => {
      const above = CAPTION_RULES.slice(0, index).map((earlier) => earlier.code);
      for (const code of rule.unless ?? []) expect(above, `${rule.code} unless ${code}`).toContain(code);
    });
  });
  it('blocks a submit on a missing or file-name caption, missing alt text and the lengths only', () => {
    const blocking = CAPTION_RULES.filter((rule) => rule.severity === 'blocking').map((rule) => rule.code);
    expect(blocking).toEqual(['CAPTION_MISSING', 'CAPTION_FILENAME', 'CAPTION_TOO_LONG', 'ALT_MISSING', 'ALT_TOO_LONG']);
  });
});

describe('lintCaption', () => {
  it('finds nothing wrong with a real caption, a description as alt text and a credit', () => {
    for (const caption of REAL_CAPTIONS) expect(lintCaption(photo({ caption })), caption).toEqual([]);
  });

  it('says only “missing” of a photo with nothing filled in', () => {
    expect(lintCaption({ caption: '', alt: '', credit: '' })).toEqual([
      { code: 'CAPTION_MISSING', severity: 'blocking', field: 'caption' },
      { code: 'ALT_MISSING', severity: 'blocking', field: 'alt' },
      { code: 'CREDIT_MISSING', severity: 'warning', field: 'credit' },
    ]);
  });

  it('calls a file name a file name, not also short or shouting', () => {
    expect(codes(photo({ caption: 'IMG_4426' }))).toEqual(['CAPTION_FILENAME']);
    expect(codes(photo({ caption: 'TTTT1', alt: 'TTTT1' }))).toEqual(['CAPTION_FILENAME', 'CAPTION_EQUALS_ALT']);
  });

  it('lists every warning a caption earns, with its details, in the order of the rules', () => {
    const issues = lintCaption(
      { caption: '- QUANG CẢNH HỘI NGHỊ', alt: 'Quang cảnh hội nghị', credit: '' },
      { beside: ['Quang cảnh hội nghị'] },
    );
    expect(issues).toEqual([
      { code: 'CAPTION_TOO_SHORT', severity: 'warning', field: 'caption', details: { limit: 5, words: 4 } },
      { code: 'CAPTION_ALL_CAPS', severity: 'warning', field: 'caption' },
      { code: 'CAPTION_JUNK', severity: 'warning', field: 'caption', details: { at: 'start' } },
      { code: 'CAPTION_IN_BODY', severity: 'warning', field: 'caption' },
      { code: 'CAPTION_EQUALS_ALT', severity: 'warning', field: 'alt' },
      { code: 'CREDIT_MISSING', severity: 'warning', field: 'credit' },
    ]);
  });

  it('works without a context: the desk has no body beside the photo', () => {
    expect(codes(photo({ caption: 'Quang cảnh hội nghị giao ban quý III' }))).toEqual([]);
  });
});

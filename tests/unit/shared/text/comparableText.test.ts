import { describe, expect, it } from 'vitest';
import { comparableText } from '../../../../src/shared/text/comparableText';

describe('comparableText', () => {
  it('makes the same caption written differently compare equal', () => {
    const forms = [
      'Quang cảnh hội nghị giao ban.',
      '  quang cảnh  hội nghị giao ban ',
      'Quang canh hoi nghi giao ban',
      'QUANG CẢNH HỘI NGHỊ – GIAO BAN!',
      'Quang cảnh hội nghị giao ban.'.normalize('NFD'),
      'Quang cảnh hội nghị, giao ban',
    ];
    for (const form of forms) expect(comparableText(form), form).toBe('quang canh hoi nghi giao ban');
  });
  it('keeps words and numbers apart from each other, and different captions different', () => {
    expect(comparableText('Đường 1A, km 15')).toBe('duong 1a km 15');
    expect(comparableText('Quang cảnh hội nghị')).not.toBe(comparableText('Toàn cảnh hội nghị'));
    expect(comparableText('— * —')).toBe('');
  });
});

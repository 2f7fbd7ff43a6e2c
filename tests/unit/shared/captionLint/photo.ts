import type { CaptionPhoto } from '../../../../src/shared/captionLint/CaptionRule';

/** A photo with a good alt text and credit, so that a test of one rule varies only its field. */
export function photo(fields: Partial<CaptionPhoto> = {}): CaptionPhoto {
  return {
    caption: 'Điểm cầu tại Sở Thông tin và Truyền thông',
    alt: 'Một phòng họp có màn hình lớn, các đại biểu ngồi quanh bàn',
    credit: 'Thanh Bình',
    ...fields,
  };
}

import slugify from '@sindresorhus/slugify';
import { PUBLISH_LIMITS } from './PublishRule';

/**
 * The portal slug of a title (or of a slug the writer typed): Vietnamese folded to ASCII, as
 * readers type addresses and as WordPress's own sanitize_title would not (it percent-encodes
 * "Cửa Lò" into "c%e1%bb%ada-lo"). "Cửa Lò tham gia giao ban" → "cua-lo-tham-gia-giao-ban";
 * đ/Đ fold to d (slugify's transliteration knows them; NFD input is made NFC first so the tone
 * marks are folded with their letter, not dropped as loose combining marks). "&" reads "và", as
 * a Vietnamese reader says it. No decamelizing: "iPhone" is one word, not "i-phone". Cut at a word
 * boundary to WordPress's 200 bytes (a slug is ASCII, so bytes are characters). Idempotent: a
 * well-formed slug comes back unchanged, which is what SLUG_MALFORMED compares against.
 */
export function slugOf(text: string): string {
  const slug = slugify(text.normalize('NFC'), { decamelize: false, customReplacements: [['&', ' va ']] });
  return capSlug(slug, PUBLISH_LIMITS.slugMaxBytes);
}

function capSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  // A single word longer than the cap (pasted junk) is cut where the cap falls.
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/u, '');
}

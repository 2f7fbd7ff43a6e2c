/** What the media service stores; file pickers offer the same (`accept`). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');
const PHOTO_NAME = /\.(jpe?g|png|webp|gif)$/i;

/** A photo by its type, or by its name when the system gave no type. */
export function isPhotoFile(file: { type: string; name: string }): boolean {
  return file.type === '' ? PHOTO_NAME.test(file.name) : (PHOTO_TYPES as readonly string[]).includes(file.type);
}

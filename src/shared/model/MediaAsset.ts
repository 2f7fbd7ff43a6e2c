import { z } from 'zod';

/** Asset ids become folder names under media/: a content hash, hex only. */
export const assetIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'invalid asset id');
export type AssetId = z.infer<typeof assetIdSchema>;

/** original: the bytes as imported; display: ≤ 1600 px for the editor; thumb: lists and pickers. */
export const RENDITIONS = ['original', 'display', 'thumb'] as const;
export const renditionSchema = z.enum(RENDITIONS);
export type Rendition = z.infer<typeof renditionSchema>;

export const mediaAssetSchema = z.object({
  assetId: assetIdSchema,
  /** The file name the user picked (NFC), kept for the portal upload and for people. */
  name: z.string().max(255),
  mime: z.string().max(100),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MediaAsset = z.infer<typeof mediaAssetSchema>;

/** Largest accepted original (bytes): a camera JPEG is far smaller; anything larger is a mistake. */
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;

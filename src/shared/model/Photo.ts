import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { assetIdSchema } from './MediaAsset';
import { photoDateSchema } from './PhotoMetadata';

/**
 * A photo on the desk. Its id is the same content hash as a MediaAsset's (the first 32 hex of the
 * original's sha256), so the desk's photo and the figure that later shows it in an article name
 * the same bytes, and re-importing a card finds every photo already there.
 */
export const photoIdSchema = assetIdSchema;
export type PhotoId = z.infer<typeof photoIdSchema>;

/** What the desk shows of a photo; the original is served as it was imported. */
export const PHOTO_RENDITIONS = ['thumb', 'display', 'original'] as const;
export const photoRenditionSchema = z.enum(PHOTO_RENDITIONS);
export type PhotoRendition = z.infer<typeof photoRenditionSchema>;

/** Lengths beyond any real caption; they keep one photo's record from growing without bound. */
const text = (max: number) => z.string().max(max);

/** The fields a photographer edits on the desk; prefilled from the file's EXIF, IPTC and XMP. */
export const photoFieldsSchema = z.object({
  /** Chú thích ảnh: printed under the photo. */
  caption: text(2_000),
  /** Mô tả cho người khiếm thị: what the photo shows, for screen readers. */
  alt: text(1_000),
  /** Who is credited under the photo ("Ảnh: …"): the credit, else the byline, of the file. */
  credit: text(200),
  headline: text(300),
  byline: text(200),
  copyright: text(300),
  city: text(100),
  province: text(100),
  country: text(100),
  dateTaken: photoDateSchema.nullable(),
  keywords: z.array(text(100)).max(100),
});
export type PhotoFields = z.infer<typeof photoFieldsSchema>;
export type PhotoFieldName = keyof PhotoFields;

export const EMPTY_PHOTO_FIELDS: PhotoFields = {
  caption: '',
  alt: '',
  credit: '',
  headline: '',
  byline: '',
  copyright: '',
  city: '',
  province: '',
  country: '',
  dateTaken: null,
  keywords: [],
};

export const photoSchema = z.object({
  id: photoIdSchema,
  /** The whole sha256 of the original, hex: the dedupe key. */
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  /** The file name as imported (NFC). */
  name: z.string().max(255),
  mime: z.string().max(100),
  /** The original's extension in its folder (`original.<ext>`), from its format, not its name. */
  ext: z.string().regex(/^[a-z0-9]{2,5}$/),
  /** Pixels as shown, EXIF orientation applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  importedAt: z.iso.datetime({ offset: true }),
  /** Where the grid thumbnail came from: the file's embedded preview (fast), or a full decode. */
  thumbFrom: z.enum(['preview', 'decode']),
  /** Whether the original carries GPS tags (they never leave the machine unless a setting says so). */
  hasGps: z.boolean(),
  /** Counts edits: an update names the rev it started from, so two windows never overwrite each other. */
  rev: z.number().int().nonnegative(),
  fields: photoFieldsSchema,
});
export type Photo = z.infer<typeof photoSchema>;

/**
 * Why a file was refused (details.reason of its MEDIA_INVALID, or a storage code): the desk lists
 * each refused file with the translated reason, and the batch goes on.
 */
export const PHOTO_REFUSAL_REASONS = [
  'empty',
  'too-large',
  'too-many-pixels',
  'unsupported',
  'heic-unsupported',
  'decode',
  'vanished',
  'cancelled',
] as const;
export const photoRefusalReasonSchema = z.enum(PHOTO_REFUSAL_REASONS);
export type PhotoRefusalReason = z.infer<typeof photoRefusalReasonSchema>;

export const photoImportOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('imported'), name: z.string(), photo: photoSchema }),
  /** The same bytes were already on the desk: nothing was added. */
  z.object({ kind: z.literal('duplicate'), name: z.string(), photo: photoSchema }),
  z.object({
    kind: z.literal('refused'),
    name: z.string(),
    code: z.enum(ERROR_CODES),
    reason: photoRefusalReasonSchema.nullable(),
  }),
]);
export type PhotoImportOutcome = z.infer<typeof photoImportOutcomeSchema>;

export const photoBatchResultSchema = z.object({
  batchId: z.string().max(100),
  /** One outcome per file, in the order the files were given. */
  outcomes: z.array(photoImportOutcomeSchema),
  /** True when the batch was cancelled: files after the cancel are not in `outcomes`. */
  cancelled: z.boolean(),
});
export type PhotoBatchResult = z.infer<typeof photoBatchResultSchema>;

export const photoImportProgressSchema = z.object({
  batchId: z.string().max(100),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The file being imported now; null once the batch is over. */
  current: z.string().nullable(),
});
export type PhotoImportProgress = z.infer<typeof photoImportProgressSchema>;

/** Largest original accepted: a scanner's TIFF fits; beyond this a file is a mistake. */
export const PHOTO_MAX_BYTES = 250 * 1024 * 1024;
/**
 * Largest pixel count decoded (100 megapixels, above any news camera): a small file declaring
 * 30,000 × 30,000 is refused before libvips allocates for it.
 */
export const PHOTO_MAX_PIXELS = 100_000_000;
/** Files one desktop batch reads from the chosen folders, at most. */
export const PHOTO_BATCH_MAX = 5_000;

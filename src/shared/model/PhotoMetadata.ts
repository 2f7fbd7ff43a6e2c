import { z } from 'zod';

/**
 * When a photo was taken, as ISO 8601: `2024-09-30T08:15:00+07:00` when the file says its offset,
 * `2024-09-30T08:15:00` when it does not (camera clocks usually do not: the zone is unknown, not
 * UTC), `2024-09-30` when only a date was captioned.
 */
export const photoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/, 'invalid photo date');

/** A position in decimal degrees (south and west negative). */
export const photoPositionSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/**
 * The caption fields a photographer edits, as the photo desk reads them from a file (EXIF, IPTC,
 * XMP) and writes them into the portal rendition. Text is NFC and trimmed (parsing trims); an
 * absent field is ''.
 */
export const photoCaptionSchema = z.object({
  /** What the photo shows (XMP dc:description, IPTC 2:120 Caption-Abstract). */
  caption: z.string().trim(),
  /** A short title (IPTC 2:105); WordPress makes it the media item's title. */
  headline: z.string().trim(),
  /** Who took it (XMP dc:creator, IPTC 2:80 By-line); several creators are joined with "; ". */
  byline: z.string().trim(),
  /** Who supplies it (IPTC 2:110 Credit): an agency, the newsroom. */
  credit: z.string().trim(),
  copyright: z.string().trim(),
  city: z.string().trim(),
  /** Province or state (IPTC 2:95 Province-State, XMP photoshop:State). */
  province: z.string().trim(),
  country: z.string().trim(),
  dateTaken: photoDateSchema.nullable(),
  keywords: z.array(z.string().trim()),
});
export type PhotoCaption = z.infer<typeof photoCaptionSchema>;

export const photoGpsSchema = z.object({
  /** Whether the file carries any GPS tag at all (a position, an altitude, a timestamp…). */
  present: z.boolean(),
  /** The position when the file has one that parses. */
  position: photoPositionSchema.nullable(),
});
export type PhotoGps = z.infer<typeof photoGpsSchema>;

export const photoMetadataSchema = photoCaptionSchema.extend({
  /** Pixels as the photo is shown, EXIF orientation applied (as MediaAsset counts them). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** EXIF orientation, 1–8; 1 when the file has none. 5–8 mean the stored pixels are turned. */
  orientation: z.number().int().min(1).max(8),
  gps: photoGpsSchema,
});
export type PhotoMetadata = z.infer<typeof photoMetadataSchema>;

/** What the portal rendition is written from: the caption fields and, when kept, the position. */
export const portalPhotoFieldsSchema = photoCaptionSchema.extend({ gps: photoGpsSchema });
export type PortalPhotoFields = z.infer<typeof portalPhotoFieldsSchema>;

/** The caption fields IPTC has; a list of these names which were cut to IPTC's lengths. */
export const PHOTO_CAPTION_TEXT_FIELDS = ['caption', 'headline', 'byline', 'credit', 'copyright', 'city', 'province', 'country', 'keywords'] as const;
export type PhotoCaptionTextField = (typeof PHOTO_CAPTION_TEXT_FIELDS)[number];

import type { Photo } from '../../shared/model/Photo';
import { photoIssues, photoNeedsCaption } from './photoIssues';

export interface PhotoFilter {
  needsCaption: boolean;
  /** Any caption lint issue at all, warnings too. */
  problems: boolean;
  /** YYYY-MM-DD, or '' for every day. */
  day: string;
}

export const NO_FILTER: PhotoFilter = { needsCaption: false, problems: false, day: '' };

/** The day a photo belongs to: when it was taken, else when it was imported. */
export function photoDay(photo: Photo): string {
  return (photo.fields.dateTaken ?? photo.importedAt).slice(0, 10);
}

export function filterPhotos(photos: readonly Photo[], filter: PhotoFilter): Photo[] {
  return photos.filter(
    (photo) =>
      (!filter.needsCaption || photoNeedsCaption(photo)) &&
      (!filter.problems || photoIssues(photo).length > 0) &&
      (!filter.day || photoDay(photo) === filter.day),
  );
}

/** The days the desk's photos belong to, newest first, for the day filter. */
export function photoDays(photos: readonly Photo[]): string[] {
  return [...new Set(photos.map(photoDay))].sort().reverse();
}

import type { CaptionIssue } from '../../shared/captionLint/CaptionRule';
import { lintCaption } from '../../shared/captionLint/lintCaption';
import type { Photo } from '../../shared/model/Photo';

// Records are replaced, never changed in place: a photo's issues are computed once per record,
// so filtering 2,000 photos after a keystroke in one form lints one photo, not 2,000.
const cache = new WeakMap<Photo, CaptionIssue[]>();

/** The shared caption lint (src/shared/captionLint) of a desk photo: the desk stands alone, no body beside it. */
export function photoIssues(photo: Photo): CaptionIssue[] {
  let issues = cache.get(photo);
  if (!issues) {
    issues = lintCaption(photo.fields);
    cache.set(photo, issues);
  }
  return issues;
}

/** Without a caption it can be printed with: none, or one a blocking rule refuses (a camera file name). */
export function photoNeedsCaption(photo: Photo): boolean {
  return photoIssues(photo).some((issue) => issue.field === 'caption' && issue.severity === 'blocking');
}

import { CAPTION_RULES } from '../captionLint/rules';
import { bodyEmpty } from './bodyEmpty';
import { bylineMissing } from './bylineMissing';
import { bylineTooLong } from './bylineTooLong';
import { categoryMissing } from './categoryMissing';
import { featuredMissing } from './featuredMissing';
import { figureLintRule } from './figureLintRule';
import { figurePhotoMissing } from './figurePhotoMissing';
import { leadMissing } from './leadMissing';
import { leadTooLong } from './leadTooLong';
import { linkMalformed } from './linkMalformed';
import type { PublishRule } from './PublishRule';
import { slugEmpty } from './slugEmpty';
import { slugMalformed } from './slugMalformed';
import { titleMissing } from './titleMissing';
import { titleTooLong } from './titleTooLong';

/**
 * Every publish check, in the order the checklist lists them: the article's fields top to bottom
 * as the editor shows them, then each figure's (checkArticle lists a figure's issues together, in
 * this order). A rule's `unless` names only rules above it. Each rule's comment says why it
 * blocks or only warns; warnings are what an editor may override with a reason.
 */
export const PUBLISH_RULES: readonly PublishRule[] = [
  titleMissing,
  titleTooLong,
  slugEmpty,
  slugMalformed,
  leadMissing,
  leadTooLong,
  bodyEmpty,
  linkMalformed,
  bylineMissing,
  bylineTooLong,
  categoryMissing,
  featuredMissing,
  figurePhotoMissing,
  ...CAPTION_RULES.map(figureLintRule),
];

import type { PublishRule } from './PublishRule';

/** Blocking: an imported slot (`tttt1`, `img_4426`) holds no photo until one is chosen for it. */
export const figurePhotoMissing: PublishRule = {
  id: 'FIGURE_PHOTO_MISSING',
  severity: 'blocking',
  field: 'figure',
  message: 'rules.FIGURE_PHOTO_MISSING',
  check: (_article, facts) =>
    facts.figures
      .filter(({ facts: figure }) => figure.assetId === '' && figure.src === '')
      .map(({ number, facts: figure }) => ({ figure: number, assetId: figure.assetId, part: 'photo' as const })),
};

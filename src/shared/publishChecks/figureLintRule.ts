import type { CaptionRule } from '../captionLint/CaptionRule';
import type { PublishRule } from './PublishRule';

/**
 * A caption lint rule (src/shared/captionLint, one per file) as a publish check over every
 * figure of the body: same severity, same words, so the figure, the photo desk and the checklist
 * agree. The lint itself runs once per figure (ArticleFacts.lint), with its `unless` order.
 */
export function figureLintRule(rule: CaptionRule): PublishRule {
  const id = `FIGURE_${rule.code}` as const;
  return {
    id,
    severity: rule.severity,
    field: 'figure',
    message: `rules.${id}`,
    check: (_article, facts) =>
      facts.figures.flatMap(({ number, facts: figure, lint }) =>
        lint
          .filter((issue) => issue.code === rule.code)
          .map((issue) => {
            const limit = issue.details?.limit;
            return { figure: number, assetId: figure.assetId, part: issue.field, ...(typeof limit === 'number' ? { limit } : {}) };
          }),
      ),
  };
}

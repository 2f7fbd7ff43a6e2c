import type { CaptionContext, CaptionIssue, CaptionIssueCode, CaptionPhoto } from './CaptionRule';
import { CAPTION_RULES } from './rules';

/** What is wrong with a photo's caption, alt text and credit, in the order of CAPTION_RULES. */
export function lintCaption(photo: CaptionPhoto, context: CaptionContext = {}): CaptionIssue[] {
  const issues: CaptionIssue[] = [];
  const found = new Set<CaptionIssueCode>();
  for (const rule of CAPTION_RULES) {
    if (rule.unless?.some((code) => found.has(code))) continue;
    const result = rule.check(photo, context);
    if (result === false) continue;
    found.add(rule.code);
    issues.push({
      code: rule.code,
      severity: rule.severity,
      field: rule.field,
      ...(result === true ? {} : { details: result }),
    });
  }
  return issues;
}

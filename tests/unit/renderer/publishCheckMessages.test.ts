import { describe, expect, it } from 'vitest';
import { PUBLISH_RULES } from '../../../src/shared/publishChecks/rules';
import { en, vi } from '../../../src/renderer/app/messages';

describe('publish check messages', () => {
  it('every rule has its words in Vietnamese and English', () => {
    for (const rule of PUBLISH_RULES) {
      expect(vi[rule.message], rule.message).toBeTruthy();
      expect(en[rule.message], rule.message).toBeTruthy();
    }
  });
});

import { ARTICLE_SCHEMA_VERSION } from '../../../shared/model/Article';

/**
 * Numbered migrations: `migrations[n]` turns a version-n document into version n+1. Each one is
 * tested on a fixture of the old shape (tests/unit/main/services/store/migrateArticle.test.ts).
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0: documents written before schemaVersion existed (prototype builds) had no tags,
  // no publishAt and no featured photo.
  0: (doc) => ({
    tags: [],
    publishAt: null,
    featuredAssetId: null,
    category: '',
    dateline: '',
    ...doc,
    schemaVersion: 1,
  }),
  // Version 1 → 2: the lifecycle fields (createdBy, returnNote, spikedFrom) arrive, all optional.
  // A v1 article already spiked has no record of where it came from; restore must still work,
  // so it is recorded as spiked from draft: the one state that loses nothing and publishes nothing.
  1: (doc) => ({
    ...doc,
    ...(doc.state === 'spiked' && doc.spikedFrom === undefined ? { spikedFrom: 'draft' } : {}),
    schemaVersion: 2,
  }),
  // Version 2 → 3: the publish checks' fields. No slug of its own means the one folded from the
  // title (what the push sent all along: WordPress derived it), and no warning was overridden.
  2: (doc) => ({
    slug: '',
    checkOverrides: [],
    ...doc,
    schemaVersion: 3,
  }),
};

export function migrateArticle(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  // A document from a newer Newsdesk is returned as is; validation decides whether it is readable.
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) break;
    doc = step(doc);
    version += 1;
  }
  return doc;
}

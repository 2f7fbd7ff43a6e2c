// Counting for `npm test` (scripts/test-all.mjs): the reports of each suite → passed, failed,
// skipped, each test counted once. Kept apart so tests/unit/scripts/testCounts.test.ts can check it.

/**
 * Playwright's JSON report → counts; a test's last result decides its outcome. Errors outside any
 * test (a spec that does not compile, a failing globalSetup) run no test: each counts as a failure.
 */
export function countPlaywright(report, suite) {
  if (!report) return { suite, passed: 0, failed: 1, skipped: 0, skippedNotes: [], note: 'no report' };
  const counts = { suite, passed: 0, failed: 0, skipped: 0, skippedNotes: [] };
  const visit = (s) => {
    for (const spec of s.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1);
        if (test.status === 'skipped' || last?.status === 'skipped') {
          counts.skipped += 1;
          for (const note of test.annotations ?? []) counts.skippedNotes.push(`${spec.title}: ${note.description ?? note.type}`);
        } else if (test.status === 'expected' || test.status === 'flaky') counts.passed += 1;
        else counts.failed += 1;
      }
    }
    for (const child of s.suites ?? []) visit(child);
  };
  for (const s of report.suites ?? []) visit(s);
  const outside = report.errors?.length ?? 0;
  if (outside > 0) {
    counts.failed += outside;
    counts.note = `${outside} errors outside any test`;
  }
  return counts;
}

/**
 * Vitest's JSON report → counts. A failed file counts its failed tests; a failed file with none
 * (it did not load: an import error; or a hook failed outside any test) counts as one failure, so
 * a broken file is never silent, and a file whose failures are already counted is not counted again.
 */
export function countVitest(report, suite) {
  if (!report) return { suite, passed: 0, failed: 1, skipped: 0, skippedNotes: [], note: 'no report' };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let brokenFiles = 0;
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const failedHere = tests.filter((t) => t.status === 'failed').length;
    passed += tests.filter((t) => t.status === 'passed').length;
    skipped += tests.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo').length;
    failed += failedHere;
    if (file.status === 'failed' && failedHere === 0) {
      failed += 1;
      brokenFiles += 1;
    }
  }
  const counts = { suite, passed, failed, skipped, skippedNotes: [] };
  if (brokenFiles > 0) counts.note = `${brokenFiles} files failed outside any test (counted 1 each)`;
  return counts;
}

/** The final line's numbers; a failed static check or build counts as one failure. */
export function totals(results, failedStep = false) {
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  return { passed: sum('passed'), failed: sum('failed') + (failedStep ? 1 : 0), skipped: sum('skipped') };
}

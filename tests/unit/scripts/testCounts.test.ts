import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, totals } from '../../../scripts/testCounts.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/testCounts');
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-test-counts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** Each case starts a whole test runner; on the shared 2-core machine that has taken 35 s. */
const RUNNER_TIMEOUT_MS = 180_000;

/** Runs a tool on the fixtures and returns the JSON report it wrote (the tool's own exit is a failure: expected). */
function report(command: string, args: string[], file: string, env: Record<string, string> = {}): unknown {
  const child = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${command} ${args.join(' ')} wrote no report (exit ${child.status}):\n${child.stderr}`);
  }
}

describe('npm test counting (scripts/testCounts.mjs), on real reports', () => {
  it('vitest: every failed test once, a file that failed to load as one failure, never both', () => {
    const file = join(scratch, 'vitest.json');
    const json = report(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(FIXTURES, 'vitest.config.ts'), '--reporter=json', `--outputFile=${file}`], file);
    // The report's own totals: 2 failed tests, and 2 failed files (one holds the 2 failed tests).
    expect(json).toMatchObject({ numFailedTests: 2, numFailedTestSuites: 2, numPassedTests: 3 });
    const counts = countVitest(json, 'unit');
    expect(counts).toMatchObject({ passed: 3, failed: 3, skipped: 1 });
    expect(counts.note).toBe('1 files failed outside any test (counted 1 each)');
  }, RUNNER_TIMEOUT_MS);

  it('playwright: passed, failed and skipped (with its reason), and errors outside any test', () => {
    const file = join(scratch, 'playwright.json');
    const json = report(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--config', join(FIXTURES, 'playwright.config.ts')], file, {
      TEST_COUNTS_REPORT: file,
      TEST_COUNTS_OUTPUT: join(scratch, 'playwright-output'),
    });
    const counts = countPlaywright(json, 'e2e');
    expect(counts).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
    expect(counts.skippedNotes).toEqual(['is skipped with a reason: no Electron here']);
    const broken = countPlaywright({ ...(json as object), errors: [{ message: 'SyntaxError in a spec' }] }, 'e2e');
    expect(broken.failed).toBe(2);
  }, RUNNER_TIMEOUT_MS);

  it('a missing report is one failure; the final line sums the suites and a failed build', () => {
    const missing = countVitest(null, 'portal');
    expect(missing).toMatchObject({ failed: 1, note: 'no report' });
    const suites = [
      { suite: 'unit', passed: 10, failed: 2, skipped: 1, skippedNotes: [] },
      { suite: 'e2e', passed: 5, failed: 0, skipped: 3, skippedNotes: [] },
      missing,
    ];
    expect(totals(suites)).toEqual({ passed: 15, failed: 3, skipped: 4 });
    expect(totals([], true)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

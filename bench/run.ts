// `npm run bench [filter]`: runs every bench/cases/*.ts (or those whose file name contains the
// filter), writes bench/results.json (a filtered run replaces only its own cases' rows) and prints a
// table. Cases run one after another: the machine is small and shared, and cases measure side by
// side with their peer inside one case. Each row records the load average before its case began,
// the case's wall time and the run (start time, commit) that wrote it; `npm run bench:table` puts
// the table into docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './BenchResult';
import { formatNumber } from './performanceTable';
import { summarize, summaryLine, verdictOf } from './summary';

const casesDir = join(import.meta.dirname, 'cases');
const filter = process.argv[2] ?? '';
const files = readdirSync(casesDir)
  .filter((name) => name.endsWith('.ts') && name.includes(filter))
  .sort();

const commit = (() => {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  return dirty ? `${head} + uncommitted changes` : head;
})();
const benchRun = { startedAt: new Date().toISOString(), commit };
const benchStarted = Date.now();
const results: BenchResult[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
let broken = 0;
for (const file of files) {
  const started = Date.now();
  const loadAverage = loadavg().map((n) => Number(n.toFixed(2)));
  console.log(`bench ${file} … (load average ${loadAverage.join(', ')})`);
  // Each case in a process of its own (with this process's tsx loader): a case that leaves a
  // large heap behind (the search-library peers do) must not slow the cases after it.
  const out = join(scratch, `${file}.json`);
  const child = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, 'runCase.ts'), join(casesDir, file), out], {
    stdio: 'inherit',
  });
  if (child.status !== 0) {
    broken += 1;
    console.log(`bench ${file}: FAILED (exit ${child.status})`);
    continue;
  }
  const caseSeconds = Number(((Date.now() - started) / 1000).toFixed(1));
  const rows = (JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]).map((r) => ({ ...r, case: file, loadAverage, caseSeconds, benchRun }));
  results.push(...rows);
  console.log(`bench ${file}: ${rows.length} rows in ${caseSeconds} s`);
}
rmSync(scratch, { recursive: true, force: true });

// A filtered run replaces only the rows of the cases it ran: the others stay as last measured.
const resultsFile = join(import.meta.dirname, 'results.json');
const ran = new Set(files);
const newNames = new Set(results.map((r) => r.name));
const kept = filter
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResult[]).filter(
      (r) => !(r.case !== undefined && ran.has(r.case)) && !newNames.has(r.name),
    )
  : [];
const merged = [...kept, ...results].sort((a, b) => (a.case ?? '').localeCompare(b.case ?? ''));
writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);

const table = merged.map((r) => ({
  name: r.name,
  value: `${formatNumber(r.value)} ${r.unit}`,
  peerValue: formatNumber(r.peerValue),
  ratio: formatNumber(r.ratio),
  budget: formatNumber(r.budget),
  runs: r.runs ?? '—',
  verdict: verdictOf(r),
}));
console.table(table);
console.log(`${summaryLine(summarize(merged), broken)}; this run took ${((Date.now() - benchStarted) / 60_000).toFixed(1)} min`);
console.log('`npm run bench:table` writes this table into docs/performance.md.');
if (broken) process.exitCode = 1;

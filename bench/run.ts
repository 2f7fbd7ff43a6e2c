// `npm run bench [filter]`: runs every bench/cases/*.ts (or those whose file name contains the
// filter), writes bench/results.json (a filtered run replaces only its own cases' rows) and prints a table. Cases run one after another: the machine
// is small and shared, and cases measured side by side with their peer inside one case.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './BenchResult';

const casesDir = join(import.meta.dirname, 'cases');
const filter = process.argv[2] ?? '';
const files = readdirSync(casesDir)
  .filter((name) => name.endsWith('.ts') && name.includes(filter))
  .sort();

const results: BenchResult[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
let broken = 0;
for (const file of files) {
  const started = Date.now();
  console.log(`bench ${file} …`);
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
  const rows = (JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]).map((r) => ({ ...r, case: file }));
  results.push(...rows);
  console.log(`bench ${file}: ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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

const fmt = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(3));
const table = merged.map((r) => ({
  name: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  peer: r.peer,
  peerValue: fmt(r.peerValue),
  ratio: fmt(r.ratio),
  budget: fmt(r.budget),
  pass: r.pass ? 'yes' : 'NO',
}));
console.table(table);
const failed = merged.filter((r) => !r.pass).length;
console.log(`${merged.length - failed} budgets met, ${failed} missed${broken ? `, ${broken} cases failed to run` : ''}`);
if (broken) process.exitCode = 1;

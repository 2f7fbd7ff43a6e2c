// `npm run bench [filter]`: runs every bench/cases/*.ts (or those whose file name contains the
// filter), writes bench/results.json and prints a table. Cases run one after another: the machine
// is small and shared, and cases measured side by side with their peer inside one case.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase, BenchResult } from './BenchResult';

const casesDir = join(import.meta.dirname, 'cases');
const filter = process.argv[2] ?? '';
const files = readdirSync(casesDir)
  .filter((name) => name.endsWith('.ts') && name.includes(filter))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const started = Date.now();
  process.stdout.write(`bench ${file} … `);
  const module = (await import(pathToFileURL(join(casesDir, file)).href)) as { default: BenchCase };
  const rows = await module.default();
  results.push(...rows);
  console.log(`${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(3));
const table = results.map((r) => ({
  name: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  peer: r.peer,
  peerValue: fmt(r.peerValue),
  ratio: fmt(r.ratio),
  budget: fmt(r.budget),
  pass: r.pass ? 'yes' : 'NO',
}));
console.table(table);
const failed = results.filter((r) => !r.pass).length;
console.log(`${results.length - failed} budgets met, ${failed} missed`);

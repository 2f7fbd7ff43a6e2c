// `npm run bench:table`: writes the table of bench/results.json into docs/performance.md (between
// its markers), so the published table is never edited by hand. `--check` only says whether it is
// up to date (exit 1 if not); tests/unit/bench/performanceTable.test.ts checks the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './BenchResult';
import { withTable } from './performanceTable';

const root = join(import.meta.dirname, '..');
const docFile = join(root, 'docs', 'performance.md');
const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as BenchResult[];
const doc = readFileSync(docFile, 'utf8');
const updated = withTable(doc, results);
if (process.argv.includes('--check')) {
  if (updated !== doc) {
    console.error('docs/performance.md is not the table of bench/results.json: run `npm run bench:table`');
    process.exitCode = 1;
  }
} else if (updated !== doc) {
  writeFileSync(docFile, updated);
  console.log('docs/performance.md: table rewritten from bench/results.json');
}

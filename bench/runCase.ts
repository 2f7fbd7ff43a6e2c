// Runs one bench case in this process and writes its rows as JSON to the file named by argv[3].
// bench/run.ts starts one of these per case, so no case measures another's heap or GC.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './BenchResult';

const [caseFile, outFile] = process.argv.slice(2);
if (!caseFile || !outFile) throw new Error('usage: runCase.ts <case file> <rows.json>');
const module = (await import(pathToFileURL(caseFile).href)) as { default: BenchCase };
writeFileSync(outFile, JSON.stringify(await module.default()));

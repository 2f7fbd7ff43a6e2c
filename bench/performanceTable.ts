import type { BenchResult } from './BenchResult';
import { summarize, summaryLine, verdictOf, type Verdict } from './summary';

/** The markers in docs/performance.md between which `npm run bench:table` writes the table. */
export const TABLE_START = '<!-- bench:table (generated from bench/results.json by `npm run bench:table`; do not edit) -->';
export const TABLE_END = '<!-- /bench:table -->';

const VERDICT_TEXT: Record<Verdict, string> = {
  met: 'met',
  missed: '**MISSED**',
  unproven: 'within, < 5 runs',
  information: 'info',
};

/** Three significant figures or so: 223.07255200000145 ms says no more than 223 ms. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(n.toFixed(digits)));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The case file's name as `npm run bench -- <filter>` takes it (run.ts matches file names by substring). */
function caseFilter(file: string): string {
  return file.replace(/\.ts$/, '');
}

/** Markdown: the summary line, then per case how to reproduce it and its rows. */
export function renderPerformanceTable(results: BenchResult[]): string {
  const lines: string[] = [TABLE_START, '', `**${summaryLine(summarize(results))}.**`, ''];
  const runs = new Set(results.map((r) => (r.benchRun ? `${r.benchRun.startedAt} at ${r.benchRun.commit}` : 'unrecorded')));
  const only = runs.size === 1 ? [...runs][0]! : null;
  lines.push(
    only === 'unrecorded'
      ? 'Which bench run wrote these rows is not recorded (bench/run.ts did not record it then).'
      : only !== null
        ? `All rows from one \`npm run bench\`: ${only}.`
        : `Rows from ${runs.size} different bench runs (${[...runs].sort().join('; ')}): not yet one full run on one commit.`,
    '',
  );
  const cases = [...new Set(results.map((r) => r.case ?? '(unknown case)'))];
  for (const file of cases) {
    const rows = results.filter((r) => (r.case ?? '(unknown case)') === file);
    const first = rows[0]!;
    const facts = [`reproduce: \`npm run bench -- ${caseFilter(file)}\``];
    facts.push(first.loadAverage ? `load average before: ${first.loadAverage.map((n) => n.toFixed(2)).join(', ')}` : 'load average before: not recorded');
    if (first.caseSeconds !== undefined) facts.push(`case took ${formatNumber(first.caseSeconds)} s`);
    lines.push(`### ${file}`, '', `${facts.join(' · ')}`, '');
    lines.push('| Row | Ours | Peer | Peer value | Ratio | Budget | Verdict | Runs |', '|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const runsCell = (r as { runs?: number }).runs;
      lines.push(
        `| ${[
          cell(r.name),
          `${formatNumber(r.value)} ${cell(r.unit)}`,
          cell(r.peer),
          formatNumber(r.peerValue),
          formatNumber(r.ratio),
          formatNumber(r.budget),
          VERDICT_TEXT[verdictOf(r)],
          runsCell === undefined ? '—' : String(runsCell),
        ].join(' | ')} |`,
      );
    }
    const notes = [...new Set(rows.map((r) => r.note).filter((n): n is string => Boolean(n)))];
    for (const note of notes) lines.push('', `Note: ${cell(note)}`);
    lines.push('');
  }
  lines.push(TABLE_END);
  return lines.join('\n');
}

/** `doc` with the text between the markers replaced by the table; throws if the markers are missing. */
export function withTable(doc: string, results: BenchResult[]): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/performance.md: the bench:table markers are missing');
  return doc.slice(0, start) + renderPerformanceTable(results) + doc.slice(end + TABLE_END.length);
}

import { MIN_RUNS, type BenchResult } from './BenchResult';

/** What bench/results.json says, counted honestly: budgets only; a row with no budget is information. */
export interface BenchSummary {
  budgets: number;
  met: number;
  missed: number;
  /** Within budget, but read from fewer than MIN_RUNS runs (or runs not recorded): not counted as met. */
  unproven: number;
  information: number;
}

export type Verdict = 'met' | 'missed' | 'unproven' | 'information';

export function verdictOf(result: BenchResult): Verdict {
  if (result.budget === null) return 'information';
  // A value of NaN (nothing measured) is no pass, whatever `pass` says.
  const pass = result.pass === true && Number.isFinite(result.value);
  if (!pass) return 'missed';
  const runs = (result as { runs?: number }).runs;
  return runs !== undefined && runs >= MIN_RUNS ? 'met' : 'unproven';
}

export function summarize(results: BenchResult[]): BenchSummary {
  const summary: BenchSummary = { budgets: 0, met: 0, missed: 0, unproven: 0, information: 0 };
  for (const result of results) {
    const verdict = verdictOf(result);
    summary[verdict] += 1;
    if (verdict !== 'information') summary.budgets += 1;
  }
  return summary;
}

export function summaryLine(summary: BenchSummary, brokenCases = 0): string {
  const parts = [`${summary.budgets} budgets: ${summary.met} met, ${summary.missed} missed`];
  if (summary.unproven > 0) parts.push(`${summary.unproven} within budget on fewer than ${MIN_RUNS} runs (not counted as met)`);
  let line = `${parts.join(', ')}; ${summary.information} rows of information (no budget)`;
  if (brokenCases > 0) line += `; ${brokenCases} cases failed to run`;
  return line;
}

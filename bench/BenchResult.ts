/**
 * One row of bench/results.json. `value` is ours, `peerValue` the peer's measured in the same run
 * (or the floor/reference it is compared with); `ratio` = value / peerValue. `budget` is the limit
 * on `value` (or on `ratio` when the name says so); `pass` whether the budget holds.
 */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  peer: string;
  peerValue: number | null;
  ratio: number | null;
  budget: number | null;
  pass: boolean;
  /** How it was measured, when the name cannot say it: runs, load average, what differs from the peer. */
  note?: string;
  /** The bench/cases file that measured it (set by bench/run.ts). */
  case?: string;
}

/** A bench case: a module in bench/cases/ whose default export runs it and returns its rows. */
export type BenchCase = () => Promise<BenchResult[]>;

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function row(
  fields: Omit<BenchResult, 'ratio' | 'pass'> & { ratio?: number | null; pass?: boolean },
): BenchResult {
  const ratio =
    fields.ratio !== undefined
      ? fields.ratio
      : fields.peerValue !== null && fields.peerValue !== 0
        ? fields.value / fields.peerValue
        : null;
  const pass = fields.pass ?? (fields.budget === null ? true : fields.value <= fields.budget);
  return { ...fields, ratio: ratio === null ? null : Number(ratio.toFixed(3)), pass };
}

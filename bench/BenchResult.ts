/**
 * One row of bench/results.json. `value` is ours, `peerValue` the peer's measured in the same run
 * (or the floor/reference it is compared with); `ratio` = value / peerValue. `budget` is the limit
 * on `value` (or on `ratio` when the name says so); `pass` whether the budget holds, null for a row
 * with no budget: information, not a budget met (bench/summary.ts counts budgets only).
 */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  peer: string;
  peerValue: number | null;
  ratio: number | null;
  budget: number | null;
  pass: boolean | null;
  /**
   * How many runs, interleaved with the peer's, the value is a statistic of (the median unless the
   * name says p95 or max, which are stricter). A budget read from fewer than MIN_RUNS is not
   * counted as met (bench/summary.ts).
   */
  runs: number;
  /** How it was measured, when the name cannot say it: what differs from the peer, the runs' values. */
  note?: string;
  /** The bench/cases file that measured it (set by bench/run.ts). */
  case?: string;
  /** os.loadavg() (1, 5, 15 min) just before bench/run.ts started the case (set by bench/run.ts). */
  loadAverage?: number[];
  /** Wall time of the whole case, seconds (set by bench/run.ts). */
  caseSeconds?: number;
  /** The `npm run bench` invocation that wrote the row: its start time and commit (set by bench/run.ts). */
  benchRun?: { startedAt: string; commit: string };
}

/** A bench case: a module in bench/cases/ whose default export runs it and returns its rows. */
export type BenchCase = () => Promise<BenchResult[]>;

/** A budget reads at least this many runs, each interleaved with a run of its peer. */
export const MIN_RUNS = 5;
/** The harness default for cases that take it (`BENCH_RUNS=7 npm run bench` for more). */
export const BENCH_RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? MIN_RUNS));

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs ours and the peer once per run, `runs` times, the order rotating every run (ours first, then
 * the peer first…) so neither always follows the other, and both see the same machine load.
 * Returns each side's results in run order.
 */
export async function interleaved<A, B>(runs: number, ours: (run: number) => Promise<A>, peer: (run: number) => Promise<B>): Promise<[A[], B[]]> {
  const a: A[] = [];
  const b: B[] = [];
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      a.push(await ours(run));
      b.push(await peer(run));
    } else {
      b.push(await peer(run));
      a.push(await ours(run));
    }
  }
  return [a, b];
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
  const pass = fields.budget === null ? null : (fields.pass ?? fields.value <= fields.budget);
  return { ...fields, ratio: ratio === null ? null : Number(ratio.toFixed(3)), pass };
}

import { describe, expect, it } from 'vitest';
import { interleaved, row, type BenchResult } from '../../../bench/BenchResult';
import { summarize, summaryLine, verdictOf } from '../../../bench/summary';

const base = { unit: 'ms', peer: 'floor', peerValue: 1, runs: 5 };
const info = (name: string) => row({ ...base, name, value: 3, budget: null });

describe('bench summary', () => {
  it('counts budgets only: a row with no budget is information, never a budget met', () => {
    const rows = [info('a'), info('b'), row({ ...base, name: 'c', value: 3, budget: 10 })];
    expect(rows[0]!.pass).toBeNull();
    expect(summarize(rows)).toEqual({ budgets: 1, met: 1, missed: 0, unproven: 0, information: 2 });
    expect(summaryLine(summarize(rows))).toBe('1 budgets: 1 met, 0 missed; 2 rows of information (no budget)');
  });

  it('a value over its budget is missed', () => {
    const missed = row({ ...base, name: 'slow', value: 12, budget: 10 });
    expect(verdictOf(missed)).toBe('missed');
    expect(summarize([missed]).missed).toBe(1);
  });

  it('a budget read from fewer than 5 runs, or with no runs recorded, is not counted as met', () => {
    const three = row({ ...base, name: 'few', value: 3, budget: 10, runs: 3 });
    const { runs: _dropped, ...unrecorded } = row({ ...base, name: 'old', value: 3, budget: 10 });
    expect(verdictOf(three)).toBe('unproven');
    expect(verdictOf(unrecorded as BenchResult)).toBe('unproven');
    const summary = summarize([three, unrecorded as BenchResult, row({ ...base, name: 'ok', value: 3, budget: 10 })]);
    expect(summary).toEqual({ budgets: 3, met: 1, missed: 0, unproven: 2, information: 0 });
    expect(summaryLine(summary, 1)).toBe(
      '3 budgets: 1 met, 0 missed, 2 within budget on fewer than 5 runs (not counted as met); 0 rows of information (no budget); 1 cases failed to run',
    );
  });

  it('an old row that says pass: true without a budget is still information; NaN never passes', () => {
    const legacy = { ...info('legacy'), pass: true } as BenchResult;
    expect(verdictOf(legacy)).toBe('information');
    expect(verdictOf(row({ ...base, name: 'nan', value: Number.NaN, budget: 10, pass: true }))).toBe('missed');
  });

  it('interleaves the two sides run by run, rotating who goes first', async () => {
    const order: string[] = [];
    const [ours, peer] = await interleaved(
      4,
      async (run) => (order.push(`ours${run}`), run),
      async (run) => (order.push(`peer${run}`), `p${run}`),
    );
    expect(order).toEqual(['ours0', 'peer0', 'peer1', 'ours1', 'ours2', 'peer2', 'peer3', 'ours3']);
    expect(ours).toEqual([0, 1, 2, 3]);
    expect(peer).toEqual(['p0', 'p1', 'p2', 'p3']);
  });
});

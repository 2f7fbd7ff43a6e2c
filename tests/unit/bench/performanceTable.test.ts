import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { row, type BenchResult } from '../../../bench/BenchResult';
import { formatNumber, renderPerformanceTable, withTable } from '../../../bench/performanceTable';

const root = new URL('../../../', import.meta.url);

describe('docs/performance.md table', () => {
  it('is the table of bench/results.json (run `npm run bench:table` after a bench run)', () => {
    const results = JSON.parse(readFileSync(new URL('bench/results.json', root), 'utf8')) as BenchResult[];
    const doc = readFileSync(new URL('docs/performance.md', root), 'utf8');
    expect(withTable(doc, results)).toBe(doc);
  });

  it('shows per case how to reproduce it, the load before it, and each row with its verdict and runs', () => {
    const meta = { case: 'storeSave.ts', loadAverage: [1.5, 1, 0.5], caseSeconds: 42.04, benchRun: { startedAt: '2026-12-02T15:00:00Z', commit: 'abc1234' } };
    const table = renderPerformanceTable([
      { ...row({ name: 'p95 | pipe', unit: 'ms', value: 2.86123, peer: 'floor', peerValue: 1, budget: 15, runs: 5 }), ...meta },
      { ...row({ name: 'max', unit: 'ms', value: 223.07255, peer: 'floor', peerValue: null, budget: null, runs: 5 }), ...meta },
      { ...row({ name: 'few', unit: 'ms', value: 1, peer: 'floor', peerValue: 1, budget: 15, runs: 1 }), ...meta },
    ]);
    expect(table).toContain('**2 budgets: 1 met, 0 missed, 1 within budget on fewer than 5 runs (not counted as met); 1 rows of information (no budget).**');
    expect(table).toContain('All rows from one `npm run bench`: 2026-12-02T15:00:00Z at abc1234.');
    expect(table).toContain('reproduce: `npm run bench -- storeSave` · load average before: 1.50, 1.00, 0.50 · case took 42 s');
    expect(table).toContain('| p95 \\| pipe | 2.86 ms | floor | 1 | 2.86 | 15 | met | 5 |');
    expect(table).toContain('| max | 223 ms | floor | — | — | — | info | 5 |');
    expect(table).toContain('| few | 1 ms | floor | 1 | 1 | 15 | within, < 5 runs | 1 |');
  });

  it('says when the rows come from more than one bench run', () => {
    const at = (startedAt: string) => ({ ...row({ name: startedAt, unit: 'ms', value: 1, peer: 'p', peerValue: 1, budget: null, runs: 5 }), benchRun: { startedAt, commit: 'c' } });
    expect(renderPerformanceTable([at('a'), at('b')])).toContain('Rows from 2 different bench runs');
  });

  it('formats to about three significant figures', () => {
    expect([formatNumber(0.0634), formatNumber(3.7239), formatNumber(17.0617), formatNumber(5523.87), formatNumber(null), formatNumber(8)]).toEqual([
      '0.063',
      '3.72',
      '17.1',
      '5524',
      '—',
      '8',
    ]);
  });
});

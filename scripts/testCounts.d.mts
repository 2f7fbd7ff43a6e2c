export interface SuiteCounts {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  skippedNotes: string[];
  note?: string;
}
export declare function countPlaywright(report: unknown, suite: string): SuiteCounts;
export declare function countVitest(report: unknown, suite: string): SuiteCounts;
export declare function totals(results: SuiteCounts[], failedStep?: boolean): { passed: number; failed: number; skipped: number };

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleStore } from '../../src/main/services/store/ArticleStore';
import type { Article, ArticleEditable } from '../../src/shared/model/Article';
import { BENCH_RUNS, median, percentile, row, type BenchResult } from '../BenchResult';
import { copyStore, generateStore, WORK_DIR } from '../fixtures/generateStore';
import { Random } from '../fixtures/Random';

const SMALL = 100;
const LARGE = 10_000;
const WARMUP = 20;
/** Runs of ROUNDS_PER_RUN rounds each (300 rounds in all by default); the budgets read the median of the runs' p95s. */
const RUNS = BENCH_RUNS;
const ROUNDS_PER_RUN = Number(process.env.BENCH_STORE_SAVE_ROUNDS_PER_RUN ?? 60);
const ROUNDS = RUNS * ROUNDS_PER_RUN;
const P95_BUDGET_MS = 15;
const GROWTH_BUDGET = 1.3;
/** The index compacts after ~2,000 journal lines (two per save); this caps the hunt for one. */
const MAX_SAVES_TO_COMPACTION = 1_500;

/**
 * The floor: the same bytes written as durably as the store promises (temp, write, fsync, rename,
 * fsync folder) with nothing else: no read, no validation, no index. Sync calls, the cheapest way
 * Node can make those system calls.
 */
function bareDurableWrite(dir: string, name: string, data: string): void {
  const temp = join(dir, `.${name}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dir, name));
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** What autosave sends: the whole Lexical body, with one paragraph edited. */
function editedBody(article: Article, round: number): Partial<ArticleEditable> {
  const body = structuredClone(article.body);
  const paragraph = body.root.children.find(
    (node): node is { children: { text?: string }[] } =>
      (node as { type?: string }).type === 'paragraph' && Array.isArray((node as { children?: unknown }).children),
  );
  const text = paragraph?.children.find((child) => typeof child.text === 'string');
  if (text) text.text = `${text.text} Cập nhật lần ${round}.`;
  return { body };
}

interface Side {
  label: string;
  dataDir: string;
  store: ArticleStore;
  ids: string[];
  revs: Map<string, number>;
  samples: number[];
}

async function openSide(label: string, count: number, runDir: string): Promise<Side> {
  const fixture = await generateStore({ count });
  const dataDir = await copyStore(fixture.dataDir, join(runDir, label));
  const store = await ArticleStore.open(dataDir);
  const summaries = store.list();
  if (summaries.length !== count) throw new Error(`storeSave: ${label} lists ${summaries.length} of ${count}`);
  return {
    label,
    dataDir,
    store,
    ids: summaries.map((s) => s.id),
    revs: new Map(summaries.map((s) => [s.id, s.rev])),
    samples: [],
  };
}

/** Saves one random article of `side`; returns the bytes it wrote, for the floor to write too. */
async function saveOne(side: Side, random: Random, round: number, record: boolean): Promise<string> {
  const id = random.pick(side.ids);
  // Reading the article to edit is the editor's business, not the save's: untimed.
  const article = await side.store.get(id);
  const changes = editedBody(article, round);
  const started = performance.now();
  const saved = await side.store.save(id, side.revs.get(id)!, changes);
  const elapsed = performance.now() - started;
  if (record) side.samples.push(elapsed);
  // side.samples holds the recorded saves in order: run k is samples[k * ROUNDS_PER_RUN, (k + 1) * ROUNDS_PER_RUN).
  side.revs.set(id, saved.rev);
  return JSON.stringify(saved);
}

/**
 * `ArticleStore.save` latency (fsync included) at 100 and at 10,000 stored articles. The two
 * stores and the floor take turns within every round, in an order that rotates, so background
 * noise on this shared machine lands on all three alike.
 */
export default async function storeSave(): Promise<BenchResult[]> {
  const runDir = join(WORK_DIR, 'run-storeSave');
  const small = await openSide('small', SMALL, runDir);
  const large = await openSide('large', LARGE, runDir);
  const floorDir = join(runDir, 'floor');
  mkdirSync(floorDir, { recursive: true });
  const floor: number[] = [];
  const random = new Random(42);

  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    const record = round >= WARMUP;
    const order = round % 2 === 0 ? [small, large] : [large, small];
    for (const side of order) {
      const bytes = await saveOne(side, random, round, record);
      if (side === large) {
        const started = performance.now();
        bareDurableWrite(floorDir, 'article.json', bytes);
        if (record) floor.push(performance.now() - started);
      }
    }
  }
  const compacting = await saveUntilCompaction(large, random);
  await small.store.close();
  await large.store.close();

  const p = (samples: number[], q: number) => Number(percentile(samples, q).toFixed(3));
  const runsOf = (samples: number[]) => Array.from({ length: RUNS }, (_, k) => samples.slice(k * ROUNDS_PER_RUN, (k + 1) * ROUNDS_PER_RUN));
  const runP95s = (samples: number[]) => runsOf(samples).map((run) => p(run, 95));
  const medianP95 = (samples: number[]) => Number(median(runP95s(samples)).toFixed(3));
  const floorP50 = p(floor, 50);
  const floorP95 = medianP95(floor);
  const peer = 'bare durable write of the same bytes';
  const rows: BenchResult[] = [];
  for (const [side, count] of [
    [small, SMALL],
    [large, LARGE],
  ] as const) {
    rows.push(
      row({ name: `store.save p50 @${count}, pooled`, unit: 'ms', value: p(side.samples, 50), peer, peerValue: floorP50, budget: null, runs: RUNS }),
      row({
        name: `store.save p95 @${count}, median of ${RUNS} runs of ${ROUNDS_PER_RUN} saves`,
        unit: 'ms',
        value: medianP95(side.samples),
        peer,
        peerValue: floorP95,
        budget: P95_BUDGET_MS,
        runs: RUNS,
        note: `Runs' p95s @${count}: ${runP95s(side.samples).join(', ')} ms.`,
      }),
    );
  }
  const smallRuns = runP95s(small.samples);
  const ratios = runP95s(large.samples).map((p95, k) => Number((p95 / smallRuns[k]!).toFixed(3)));
  rows.push(
    row({
      name: `store.save p95 ratio @${LARGE}/@${SMALL}, median of ${RUNS} runs`,
      unit: 'x',
      value: median(ratios),
      peer: `store.save p95 @${SMALL}`,
      peerValue: medianP95(small.samples),
      ratio: null,
      budget: GROWTH_BUDGET,
      runs: RUNS,
      note: `Runs' ratios (the two stores take turns within every round): ${ratios.join(', ')}.`,
    }),
    // The tail past p95: where an index compaction (one save in a thousand) would show.
    row({ name: `store.save max @${LARGE}`, unit: 'ms', value: p(large.samples, 100), peer, peerValue: p(floor, 100), budget: null, runs: RUNS }),
    row({
      name: `store.save that compacts the index @${LARGE}`,
      unit: 'ms',
      value: Number(compacting.toFixed(3)),
      peer: `store.save p95 @${LARGE}`,
      peerValue: medianP95(large.samples),
      budget: null,
      runs: 1,
    }),
  );
  return rows;
}

/**
 * Keeps saving until the index journal shrinks (a compaction: the snapshot of every summary is
 * rewritten) and returns how long that one save took; NaN if none happened within the cap.
 */
async function saveUntilCompaction(side: Side, random: Random): Promise<number> {
  const journal = join(side.dataDir, 'index.journal');
  const size = () => {
    try {
      return statSync(journal).size;
    } catch {
      return 0;
    }
  };
  for (let i = 0; i < MAX_SAVES_TO_COMPACTION; i += 1) {
    const before = size();
    const id = random.pick(side.ids);
    const changes = editedBody(await side.store.get(id), i);
    const started = performance.now();
    const saved = await side.store.save(id, side.revs.get(id)!, changes);
    const elapsed = performance.now() - started;
    side.revs.set(id, saved.rev);
    if (size() < before) return elapsed;
  }
  return Number.NaN;
}

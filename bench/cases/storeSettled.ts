import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_RUNS, interleaved, median, row, type BenchResult } from '../BenchResult';
import { buildEntry } from '../fixtures/buildEntry';
import { copyStore, generateStore, WORK_DIR } from '../fixtures/generateStore';
import { BARE_JSON_SERVER } from '../fixtures/bareJsonServer';
import { LaunchedServer } from '../fixtures/LaunchedServer';

const COUNT = 10_000;
const OPENED = 50;
const RSS_BUDGET_MB = 300;
const RUNS = BENCH_RUNS;
const SETTLE_CAP_MS = Number(process.env.BENCH_STORE_SETTLE_CAP_MS ?? 300_000);

/**
 * The host's memory with 10,000 articles once its background work is done (the search index is
 * built in the background after start, reading every article): the resident size a newsroom
 * machine carries all day. storeStart measures it right after listing, before that work is done.
 * RUNS runs, each a fresh host, interleaved with the peer: the bare node server after the same calls
 * (serving the bytes the first host answered). The budget reads the median.
 */
export default async function storeSettled(): Promise<BenchResult[]> {
  const runDir = join(WORK_DIR, 'run-storeSettled');
  mkdirSync(runDir, { recursive: true });
  const fixture = await generateStore({ count: COUNT });
  const dataDir = await copyStore(fixture.dataDir, join(runDir, 'data'));
  const hostJs = await buildEntry('src/main/web/main.ts', 'web-host');
  const ids = readdirSync(join(dataDir, 'articles'))
    .filter((name) => name.endsWith('.json'))
    .slice(0, OPENED)
    .map((name) => name.slice(0, -'.json'.length));

  const listFile = join(runDir, 'list.json');
  const articleFile = join(runDir, 'article.json');
  const hostRun = async (): Promise<{ rss: number; settled: boolean; seconds: number }> => {
    const host = await LaunchedServer.launch([hostJs, '--data-dir', dataDir, '--port', '0']);
    const started = performance.now();
    try {
      const listBody = await host.call('articles.list');
      let articleBody = '';
      for (const id of ids) articleBody = await host.call('articles.get', { id });
      const settled = await host.waitUntilIdle(3, SETTLE_CAP_MS);
      const rss = host.rssMb();
      // The peer serves what the host answered (the first host run comes before the first peer run).
      writeFileSync(listFile, listBody);
      writeFileSync(articleFile, articleBody);
      return { rss, settled, seconds: (performance.now() - started) / 1000 };
    } finally {
      await host.stop();
    }
  };
  const peerRun = async (): Promise<number> => {
    const peer = await LaunchedServer.launch(['-e', BARE_JSON_SERVER, listFile, articleFile]);
    try {
      await peer.call('articles.list');
      for (const id of ids) await peer.call('articles.get', { id });
      return peer.rssMb();
    } finally {
      await peer.stop();
    }
  };
  const [hostRuns, peerRuns] = await interleaved(RUNS, hostRun, peerRun);
  const unsettled = hostRuns.filter((r) => !r.settled).length;
  const settleSeconds = median(hostRuns.map((r) => r.seconds));
  const rssList = hostRuns.map((r) => r.rss.toFixed(1)).join(', ');
  return [
    row({
      name: `host RSS with ${COUNT} once background work settled (median of ${RUNS} runs; ${unsettled === 0 ? `settled after ${settleSeconds.toFixed(0)} s, median` : `${unsettled} runs NOT settled in ${SETTLE_CAP_MS / 1000} s`})`,
      unit: 'MB',
      value: Number(median(hostRuns.map((r) => r.rss)).toFixed(1)),
      peer: 'bare node http server, same bytes',
      peerValue: Number(median(peerRuns).toFixed(1)),
      budget: RSS_BUDGET_MB,
      runs: RUNS,
      note: `Runs, host RSS: ${rssList} MB; peer: ${peerRuns.map((mb) => mb.toFixed(1)).join(', ')} MB.`,
    }),
    row({
      name: `host RSS with ${COUNT} once background work settled, max of ${RUNS} runs (info)`,
      unit: 'MB',
      value: Number(Math.max(...hostRuns.map((r) => r.rss)).toFixed(1)),
      peer: 'bare node http server, same bytes',
      peerValue: Number(Math.max(...peerRuns).toFixed(1)),
      budget: null,
      runs: RUNS,
    }),
  ];
}

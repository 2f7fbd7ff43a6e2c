import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { row, type BenchResult } from '../BenchResult';
import { buildEntry } from '../fixtures/buildEntry';
import { copyStore, generateStore, WORK_DIR } from '../fixtures/generateStore';
import { BARE_JSON_SERVER } from '../fixtures/bareJsonServer';
import { LaunchedServer } from '../fixtures/LaunchedServer';

const COUNT = 10_000;
const OPENED = 50;
const RSS_BUDGET_MB = 300;
const SETTLE_CAP_MS = Number(process.env.BENCH_STORE_SETTLE_CAP_MS ?? 300_000);

/**
 * The host's memory with 10,000 articles once its background work is done (the search index is
 * built in the background after start, reading every article): the resident size a newsroom
 * machine carries all day. storeStart measures it right after listing, before that work is done.
 * One run: settling takes minutes on this machine. Peer: the bare node server after the same calls.
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

  const host = await LaunchedServer.launch([hostJs, '--data-dir', dataDir, '--port', '0']);
  let listBody: string;
  let articleBody = '';
  let settled: boolean;
  let hostRss: number;
  const started = performance.now();
  try {
    listBody = await host.call('articles.list');
    for (const id of ids) articleBody = await host.call('articles.get', { id });
    settled = await host.waitUntilIdle(3, SETTLE_CAP_MS);
    hostRss = host.rssMb();
  } finally {
    await host.stop();
  }
  const settleSeconds = (performance.now() - started) / 1000;

  const listFile = join(runDir, 'list.json');
  const articleFile = join(runDir, 'article.json');
  writeFileSync(listFile, listBody);
  writeFileSync(articleFile, articleBody);
  const peer = await LaunchedServer.launch(['-e', BARE_JSON_SERVER, listFile, articleFile]);
  let peerRss: number;
  try {
    await peer.call('articles.list');
    for (const id of ids) await peer.call('articles.get', { id });
    peerRss = peer.rssMb();
  } finally {
    await peer.stop();
  }

  return [
    row({
      name: `host RSS with ${COUNT} once background work settled (${settled ? `after ${settleSeconds.toFixed(0)} s` : `NOT settled in ${SETTLE_CAP_MS / 1000} s`})`,
      unit: 'MB',
      value: Number(hostRss.toFixed(1)),
      peer: 'bare node http server, same bytes',
      peerValue: Number(peerRss.toFixed(1)),
      budget: RSS_BUDGET_MB,
    }),
  ];
}

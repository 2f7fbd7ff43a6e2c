// Pushing a day's backlog after a reporter comes back online: ARTICLES articles with two photos each
// (~210–220 KB JPEGs from sharp, distinct bytes), written, saved and submitted with the network off
// through the app's real services (tests/portal/harness/syncClient.ts, signed in as the harness's
// `author`), then timed from setNetwork(true) to the outbox empty. The pull that follows the push
// is not timed (it runs after the outbox is empty and is waited for before the peer starts).
//
// Peer: Debian's curl, from bash, making the same requests against the same WordPress. Which
// requests: the engine's own, recorded as it sends them (fetch wrapped in this process) and
// counted by method and route; a census run of CENSUS_ARTICLES articles through the counting proxy
// (tests/portal/harness/FaultProxy.ts, no faults) checks that the recording sees every request
// the proxy does (stats().byMethod). The curl plan for a run is built from that run's recording:
// the same uploads (the same bytes, URL with caption/alt/description, Content-Type and
// Content-Disposition), the same term look-ups and the same post JSON, article by article, in two
// lanes as the engine pushes two articles at once (SyncEngine concurrency 2).
// What differs (said in the row's note too): curl starts a process and a connection per request and
// throws the answers away, while ours parses and validates every answer, fsyncs its receipts and
// outbox states between requests, and reads the photos from its media store; the curl posts carry
// ours' sync keys (they are deleted after each curl run so that ours' next pull does not meet them).
// Each run pushes fresh articles and photos (ours and curl alike create new posts); runs
// (BENCH_RUNS, 5 by default) interleave ours, curl, ours, curl… and the rows give the medians.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { figureNode } from '../../src/shared/content/serializedNodes';
import { startFaultProxy } from '../../tests/portal/harness/FaultProxy';
import { bodyOf, paragraphs, STORY } from '../../tests/portal/harness/newsroomFixtures';
import { startSyncClient, type SyncClient } from '../../tests/portal/harness/syncClient';
import { startWordPress, type WordPress } from '../../tests/portal/harness/startWordPress';
import { BENCH_RUNS, median, row, type BenchResult } from '../BenchResult';
import { WORK_DIR } from '../fixtures/generateStore';
import { benchPhoto, countByKind, describeCounts, loadAverage, recordFetch, runBash, type RecordedRequest } from '../fixtures/syncBench';

const ARTICLES = Number(process.env.NEWSDESK_BENCH_PUSH_ARTICLES ?? 100);
const PHOTOS_PER_ARTICLE = 2;
const RUNS = Number(process.env.NEWSDESK_BENCH_PUSH_RUNS ?? BENCH_RUNS);
const CENSUS_ARTICLES = 4;
const BUDGET_RATIO = 1.3;

const LANE_SCRIPT = `#!/usr/bin/env bash
# One lane of the curl peer: the requests of a plan file, one curl per request, in order.
# Plan lines: METHOD URL CONTENT-TYPE CONTENT-DISPOSITION BODY-FILE STATUS, separated by US (0x1f)
# (empty: none; STATUS is what ours got, e.g. 400 term_exists for a term made meanwhile).
set -euo pipefail
plan=$1
headers=$2
while IFS=$'\\x1f' read -r method url ctype cdisp body expected; do
  args=(-sS -o /dev/null -w '%{http_code}' -X "$method" -H "@$headers")
  if [[ -n $ctype ]]; then args+=(-H "Content-Type: $ctype"); fi
  if [[ -n $cdisp ]]; then args+=(-H "Content-Disposition: $cdisp"); fi
  if [[ -n $body ]]; then args+=(--data-binary "@$body"); fi
  code=$(curl "\${args[@]}" "$url")
  if [[ $code != "$expected" ]]; then echo "$method $url answered $code, ours got $expected" >&2; exit 1; fi
done < "$plan"
`;

const DELETE_SCRIPT = `<?php
// Deletes the posts the curl peer made (ids above the one given on stdin), so ours' next pull does
// not meet copies carrying its sync keys. Photos stay: the pull never lists media.
require __DIR__ . '/wp-load.php';
$after = (int) trim(fgets(STDIN));
global $wpdb;
$ids = $wpdb->get_col($wpdb->prepare("SELECT ID FROM {$wpdb->posts} WHERE post_type = 'post' AND ID > %d", $after));
foreach ($ids as $id) wp_delete_post((int) $id, true);
echo count($ids);
`;

let photoSeed = 0;

async function writeArticles(client: SyncClient, count: number, run: number): Promise<void> {
  const { services } = client;
  for (let i = 0; i < count; i += 1) {
    const figures = [];
    for (let p = 0; p < PHOTOS_PER_ARTICLE; p += 1) {
      photoSeed += 1;
      const asset = await services.media.import({ name: `IMG_${5000 + photoSeed}.jpg`, bytes: await benchPhoto(photoSeed) });
      const caption = `Điểm cầu tại Sở Thông tin và Truyền thông, hình số ${photoSeed}`;
      figures.push(figureNode({ assetId: asset.assetId, caption, alt: `Ảnh minh hoạ: ${caption}`, credit: 'Ảnh: Lê Minh', sourceName: `IMG_${5000 + photoSeed}` }));
    }
    const created = await services.articles.create({}, { createdBy: client.user.login });
    const saved = await services.articles.save(created.id, created.rev, {
      title: `${STORY.title} – bài ${run * 1000 + i + 1}`,
      lead: STORY.lead,
      byline: STORY.byline,
      dateline: STORY.dateline,
      category: STORY.category,
      tags: STORY.tags,
      body: bodyOf([...paragraphs(STORY.paragraphs[0]!), figures[0]!, ...paragraphs(STORY.paragraphs[1]!), ...figures.slice(1), ...paragraphs(...STORY.paragraphs.slice(2))]),
    });
    await services.lifecycle.transition({ id: saved.id, to: 'submitted' });
  }
}

/** Resolves when the client's outbox holds nothing (rejects if an item is blocked). */
function outboxEmpty(client: SyncClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const active = client.services.sync.outbox().active;
      const blocked = active.find((item) => item.state === 'blocked');
      if (blocked) {
        off();
        reject(new Error(`outbox item blocked: ${JSON.stringify(blocked)}`));
      } else if (active.length === 0) {
        off();
        resolve();
      }
    };
    const off = client.services.sync.changes.on(check);
    check();
  });
}

/** Writes `count` articles offline, goes online, times until the outbox is empty; the requests sent. */
async function pushRun(client: SyncClient, recorded: RecordedRequest[], count: number, run: number): Promise<{ ms: number; requests: RecordedRequest[] }> {
  client.services.sync.setNetwork(false);
  await writeArticles(client, count, run);
  await client.services.sync.idle();
  const from = recorded.length;
  const t0 = performance.now();
  const empty = outboxEmpty(client);
  client.services.sync.setNetwork(true);
  await empty;
  const ms = performance.now() - t0;
  const requests = recorded.slice(from).filter((request) => request.at <= t0 + ms);
  // The pull that follows the push, and anything else the run does, ends before the peer starts.
  await client.services.sync.idle();
  return { ms, requests };
}

/**
 * The curl plan of one run: ours' requests of that run in the order ours sent them, dealt
 * alternately to two lanes (the engine pushes two articles at once). No request of the push needs an
 * id from an earlier answer that is not already in its URL or body, so any split does the same work.
 */
async function writePlans(dir: string, requests: RecordedRequest[], site: string): Promise<string[]> {
  const lanes: string[][] = [[], []];
  for (const [index, request] of requests.entries()) {
    let bodyFile = '';
    if (request.body !== null) {
      bodyFile = join(dir, `body-${index}`);
      await writeFile(bodyFile, request.body);
    }
    const url = site + request.url.slice(new URL(request.url).origin.length);
    const fields = [request.method, url, request.headers['content-type'] ?? '', request.headers['content-disposition'] ?? '', bodyFile, String(request.status)];
    // A unit separator, not a tab: bash's read merges runs of whitespace separators (empty fields).
    lanes[index % 2]!.push(fields.join('\x1f'));
  }
  const plans = [];
  for (const [i, lane] of lanes.entries()) {
    const plan = join(dir, `lane-${i}.plan`);
    await writeFile(plan, `${lane.join('\n')}\n`);
    plans.push(plan);
  }
  return plans;
}

async function maxPostId(wp: WordPress): Promise<number> {
  return Number((await wp.database.sql('SELECT COALESCE(MAX(ID), 0) FROM wordpress.wp_posts')).trim());
}

export default async function syncPush(): Promise<BenchResult[]> {
  const load = loadAverage();
  const dir = join(WORK_DIR, `sync-push-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const wp = await startWordPress();
  const proxy = await startFaultProxy({ upstream: wp.baseUrl });
  const recorder = recordFetch([wp.baseUrl, proxy.url]);
  const clients: SyncClient[] = [];
  try {
    const user = wp.users.author;
    const headerFile = join(dir, 'headers');
    await writeFile(headerFile, `Authorization: ${wp.authorization(user)}\nAccept: application/json\n`, { mode: 0o600 });
    const laneScript = join(dir, 'lane.sh');
    await writeFile(laneScript, LANE_SCRIPT);

    // Census, through the counting proxy: what the engine sends for one article, and a check that
    // the in-process recording sees every request that reaches the wire. It also creates the terms.
    const census = await startSyncClient(wp, user, { name: 'bench-census' });
    clients.push(census);
    await census.signIn(proxy.url);
    await census.services.sync.idle();
    const before = proxy.stats();
    const recordedBefore = recorder.requests.length;
    const censusRun = await pushRun(census, recorder.requests, CENSUS_ARTICLES, 900);
    await proxy.idle();
    const after = proxy.stats();
    const seenByProxy = Object.fromEntries(Object.entries(after.byMethod).map(([method, s]) => [method, s.requests - (before.byMethod[method]?.requests ?? 0)]));
    const seenByUs = countByKind(recorder.requests.slice(recordedBefore).map((r) => ({ method: r.method, kind: '' })));
    for (const [method, count] of Object.entries(seenByProxy)) {
      if (seenByUs.get(`${method} `) !== count) throw new Error(`census: the proxy saw ${method} ×${count}, the recording ${seenByUs.get(`${method} `) ?? 0}`);
    }
    const censusPush = describeCounts(countByKind(censusRun.requests));
    console.log(`\n  census (${CENSUS_ARTICLES} articles through the counting proxy, ${JSON.stringify(seenByProxy)} incl. the pull after): push ${censusPush}`);

    const client = await startSyncClient(wp, user, { name: 'bench-push' });
    clients.push(client);
    await client.signIn();
    await client.services.sync.idle();

    const ours: number[] = [];
    const curl: number[] = [];
    let pushed = '';
    for (let run = 0; run < RUNS; run += 1) {
      const oursRun = await pushRun(client, recorder.requests, ARTICLES, run);
      ours.push(oursRun.ms);
      pushed = describeCounts(countByKind(oursRun.requests));

      const runDir = join(dir, `run-${run}`);
      await mkdir(runDir, { recursive: true });
      const plans = await writePlans(runDir, oursRun.requests, wp.baseUrl);
      const lastId = await maxPostId(wp);
      const t0 = performance.now();
      await Promise.all(plans.map((plan) => runBash(laneScript, [plan, headerFile])));
      curl.push(performance.now() - t0);
      const deleted = Number((await wp.runPhp(DELETE_SCRIPT, `${lastId}\n`)).trim());
      if (deleted !== countByKind(oursRun.requests).get('POST /wp/v2/posts')) throw new Error(`curl run made ${deleted} posts, expected ${ARTICLES}`);
      await rm(runDir, { recursive: true, force: true });
      console.log(`  run ${run + 1}: ours ${(oursRun.ms / 1000).toFixed(1)} s (${oursRun.requests.length} requests), curl ${(curl[run]! / 1000).toFixed(1)} s`);
    }

    const oursMs = median(ours);
    const curlMs = median(curl);
    // The budget reads the median of each run's ratio: a run's ours and curl share its moment's load.
    const ratios = ours.map((ms, k) => ms / curl[k]!);
    const ratio = median(ratios);
    const photos = ARTICLES * PHOTOS_PER_ARTICLE;
    const note =
      `${RUNS} interleaved runs each (ours, curl, ours, curl…; medians; the ratio row is the median of the runs' ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}); one run of both takes ` +
      `${((oursMs + curlMs) / 1000).toFixed(0)} s on 2 shared cores. Load average before: ${load}. ` +
      `Runs: ours ${ours.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s; curl ${curl.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s. ` +
      `Requests per run (ours, recorded; curl made the same): ${pushed}. Census (${CENSUS_ARTICLES} articles through FaultProxy, byMethod equal to the recording): ${censusPush}. ` +
      `Same bytes, URLs, Content-Type/Disposition and JSON bodies; curl in two lanes as the engine pushes two articles at once. ` +
      `Differs: curl is one process and one connection per request and discards the answers; ours parses and checks every answer, ` +
      `fsyncs receipts and outbox states around each request and reads photos from its media store. ` +
      `WordPress 6.1 on php -S (one worker) + MariaDB, on the same 2 cores as both clients.`;
    const peer = `bash + curl, same ${ARTICLES} posts / ${photos} uploads, same requests (same run)`;
    return [
      row({ name: `sync push ${ARTICLES} articles + ${photos} photos, online → outbox empty, ours / curl`, unit: 'ratio', value: ratio, peer, peerValue: 1, ratio, budget: BUDGET_RATIO, runs: RUNS, note }),
      row({ name: `sync push ${ARTICLES} articles + ${photos} photos, ours (ms)`, unit: 'ms', value: oursMs, peer, peerValue: curlMs, budget: null, runs: RUNS, note }),
      row({ name: `sync push ${ARTICLES} articles + ${photos} photos, curl (ms)`, unit: 'ms', value: curlMs, peer: 'ours (same run)', peerValue: oursMs, budget: null, runs: RUNS, note }),
    ];
  } finally {
    recorder.restore();
    for (const c of clients) await c.dispose();
    await proxy.close();
    await wp.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

// An editor's fresh laptop signing in to a portal with POSTS pending posts (the review queue): the
// first pull, from sign-in to the engine idle, in a child process (bench/fixtures/syncPullChild.ts,
// the app's real services on a temp data dir) whose peak RSS (getrusage maxrss) is reported too.
// Posts: seeded by one PHP process calling wp_insert_post as the harness's `author`, status pending,
// Vietnamese title, excerpt and Gutenberg paragraph blocks, two tags. Peer: bash + curl fetching the
// same pages the puller asks for (its query, 50 a page, as the editor), answers discarded: what the
// transfer alone costs. Ours also imports each post (parses its blocks, writes the article and
// its sync state durably), so the ratio is information, not a budget.
// Runs interleave ours, curl, ours, curl, ours, curl; rows give the medians. Three, not the
// harness's five: no row here has a budget, and one of ours takes ~20 s.
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lexicalToGutenberg } from '../../src/shared/content/lexicalToGutenberg';
import { bodyOf, paragraphs, STORY } from '../../tests/portal/harness/newsroomFixtures';
import { startWordPress, type WordPress } from '../../tests/portal/harness/startWordPress';
import { median, row, type BenchResult } from '../BenchResult';
import { WORK_DIR } from '../fixtures/generateStore';
import { loadAverage, runBash } from '../fixtures/syncBench';

const POSTS = 1000;
const PER_PAGE = 50;
const RUNS = 3;

const SEED_SCRIPT = `<?php
// Seeds the review queue: one pending post per JSON line of the file named on stdin.
require __DIR__ . '/wp-load.php';
$args = json_decode(fgets(STDIN), true);
wp_set_current_user($args['author']);
wp_defer_term_counting(true);
$in = fopen($args['file'], 'r');
$count = 0;
while (($line = fgets($in)) !== false) {
    $post = json_decode($line, true);
    $id = wp_insert_post([
        'post_title' => $post['title'],
        'post_excerpt' => $post['excerpt'],
        'post_content' => $post['content'],
        'post_status' => 'pending',
        'post_author' => $args['author'],
        'tags_input' => $post['tags'],
        // A new post's modified time is its date: one second apart, see the note above seed().
        'post_date' => $post['date'],
        'post_date_gmt' => $post['date'],
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\\n");
        exit(1);
    }
    $count++;
}
wp_defer_term_counting(false);
echo $count;
`;

const CURL_SCRIPT = `#!/usr/bin/env bash
# The puller's pages, one curl each, in order; the answers are discarded.
set -euo pipefail
headers=$1
base=$2
pages=$3
for ((page = 1; page <= pages; page++)); do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "@$headers" "$base/index.php?rest_route=/wp/v2/posts&context=edit&per_page=${PER_PAGE}&page=$page&status=pending,future&orderby=modified&order=asc")
  if [[ $code != 200 ]]; then echo "page $page answered $code" >&2; exit 1; fi
done
`;

const WARDS = ['Nghi Thủy', 'Nghi Tân', 'Thu Thủy', 'Nghi Hải', 'Nghi Hòa', 'Nghi Hương', 'Nghi Thu'];

/**
 * Each post is dated (so modified) a second after the one before. Seeded all in one second, the
 * puller's pages (orderby=modified, LIMIT/OFFSET, no tie-break on id) overlap and skip: measured,
 * a fresh editor client then imported 562 of 1,000 pending posts, with no error. The pull now reads
 * such seconds whole (src/main/services/sync/listChangedPosts.ts); the seeding stays one second
 * apart so that results compare with the earlier runs.
 */
async function seed(wp: WordPress, dir: string): Promise<void> {
  const lines: string[] = [];
  const start = Date.now() - (POSTS + 60) * 1000;
  for (let i = 0; i < POSTS; i += 1) {
    const ward = WARDS[i % WARDS.length]!;
    lines.push(
      JSON.stringify({
        title: `Phường ${ward} tổ chức hội nghị giao ban quý III – tin số ${i + 1}`,
        excerpt: `Sáng ${(i % 28) + 1}/9, UBND phường ${ward} tổ chức hội nghị giao ban công tác thông tin, tuyên truyền.`,
        content: lexicalToGutenberg(bodyOf(paragraphs(`Cửa Lò, ${(i % 28) + 1}/9/2026`, ...STORY.paragraphs, `${STORY.byline}`))),
        tags: STORY.tags,
        date: new Date(start + i * 1000).toISOString().slice(0, 19).replace('T', ' '),
      }),
    );
  }
  const file = join(dir, 'seed.jsonl');
  await writeFile(file, `${lines.join('\n')}\n`);
  const count = Number((await wp.runPhp(SEED_SCRIPT, `${JSON.stringify({ author: wp.users.author.id, file })}\n`)).trim());
  if (count !== POSTS) throw new Error(`seeding inserted ${count} of ${POSTS} posts`);
}

interface ChildResult {
  ms: number;
  rssPeakMb: number;
  articles: number;
  lastError: unknown;
}

function pullInChild(wp: WordPress): Promise<ChildResult> {
  const user = wp.users.editor;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, '..', 'fixtures', 'syncPullChild.ts')], {
      env: { ...process.env, NEWSDESK_BENCH_SITE: wp.baseUrl, NEWSDESK_BENCH_USER: user.login, NEWSDESK_BENCH_PASSWORD: user.appPassword },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`pull child exited ${code}: ${out}`));
      resolve(JSON.parse(out) as ChildResult);
    });
  });
}

export default async function syncPull(): Promise<BenchResult[]> {
  const load = loadAverage();
  const dir = join(WORK_DIR, `sync-pull-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const wp = await startWordPress();
  try {
    const seedStart = performance.now();
    await seed(wp, dir);
    const seedMs = performance.now() - seedStart;
    const headerFile = join(dir, 'headers');
    await writeFile(headerFile, `Authorization: ${wp.authorization(wp.users.editor)}\nAccept: application/json\n`, { mode: 0o600 });
    const curlScript = join(dir, 'pages.sh');
    await writeFile(curlScript, CURL_SCRIPT);
    const pages = Math.ceil(POSTS / PER_PAGE);

    const ours: ChildResult[] = [];
    const curl: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await pullInChild(wp);
      if (result.articles !== POSTS) throw new Error(`the pull brought ${result.articles} articles, expected ${POSTS} (last error ${JSON.stringify(result.lastError)})`);
      ours.push(result);
      const t0 = performance.now();
      await runBash(curlScript, [headerFile, wp.baseUrl, String(pages)]);
      curl.push(performance.now() - t0);
      console.log(`  run ${run + 1}: ours ${(result.ms / 1000).toFixed(1)} s, RSS peak ${result.rssPeakMb.toFixed(0)} MB; curl ${(curl[run]! / 1000).toFixed(1)} s`);
    }
    const oursMs = median(ours.map((r) => r.ms));
    const curlMs = median(curl);
    const rss = median(ours.map((r) => r.rssPeakMb));
    const note =
      `${RUNS} interleaved runs (ours, curl, ours, curl, ours, curl; medians); ${RUNS} because one of ours takes ~${(oursMs / 1000).toFixed(0)} s on 2 shared cores. ` +
      `Load average before: ${load}. Ours: ${ours.map((r) => `${(r.ms / 1000).toFixed(1)} s / ${r.rssPeakMb.toFixed(0)} MB`).join(', ')}; curl: ${curl.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s. ` +
      `Ours is sign-in → engine idle in a fresh child (node + tsx start not timed), ${pages} pages of ${PER_PAGE} and every post imported; ` +
      `curl fetches the same ${pages} pages (the puller's query) and discards them. Seeding ${POSTS} posts: ${(seedMs / 1000).toFixed(1)} s (not timed).`;
    const peer = `bash + curl fetching the same ${pages} pages (same run)`;
    return [
      row({ name: `sync pull ${POSTS} pending posts into a fresh editor client, ours`, unit: 'ms', value: oursMs, peer, peerValue: curlMs, budget: null, runs: RUNS, note }),
      row({ name: `sync pull ${POSTS} pending posts, curl fetching the same pages`, unit: 'ms', value: curlMs, peer: 'ours (same run)', peerValue: oursMs, budget: null, runs: RUNS, note }),
      row({ name: `sync pull ${POSTS} pending posts, ours / curl (information)`, unit: 'ratio', value: oursMs / curlMs, peer, peerValue: 1, ratio: oursMs / curlMs, budget: null, runs: RUNS, note }),
      row({ name: `sync pull ${POSTS} pending posts, peak RSS of the pulling process (information)`, unit: 'MB', value: rss, peer: 'none', peerValue: null, budget: null, runs: RUNS, note }),
    ];
  } finally {
    await wp.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { TEMP_SUFFIX } from '../../../../../src/main/services/store/writeFileDurable';
import { articleSchema } from '../../../../../src/shared/model/Article';

/** At least this many SIGKILLs in all, as the issue asks... */
const KILLS = 200;
/**
 * ...spread over independent data dirs killed concurrently: a child spends most of its life
 * starting Node (about 0.5 s here), not using the CPU, so lanes cut the wall time about LANES-fold.
 */
const LANES = 4;

let workDir = '';
/** How to start the child: node + these arguments + the data dir. */
let childArgs: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'newsdesk-crash-'));
  const script = join(workDir, 'crashChild.cjs');
  // One bundle, built once: spawning tsx 200 times would cost far more than the test itself.
  await build({
    entryPoints: [join(import.meta.dirname, 'crashChild.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  // A V8 startup snapshot skips evaluating zod, lowdb and the store at every start.
  const blob = join(workDir, 'crashChild.blob');
  try {
    execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { stdio: 'pipe' });
    childArgs = ['--snapshot-blob', blob];
  } catch (error) {
    console.log('crash safety: no startup snapshot, running the plain bundle:', String(error).slice(0, 200));
    childArgs = [script];
  }
}, 60_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

type Ack = { rev: number; hash: string };

function hashOf(article: { title: string; body: unknown }): string {
  return createHash('sha256').update(JSON.stringify({ title: article.title, body: article.body })).digest('hex');
}

/**
 * Runs the child until `killAfter` decides, SIGKILLs it, and returns the acks it printed. Acks are
 * parsed only from whole lines: a line cut by the kill was never acknowledged.
 */
function runAndKill(dataDir: string, acks: Map<string, Ack>, killEarly: boolean, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childArgs, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let ackCount = 0;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const match = /^ack (\S+) (\d+) ([0-9a-f]{64})$/.exec(line);
        if (match) {
          acks.set(match[1]!, { rev: Number(match[2]), hash: match[3]! });
          ackCount += 1;
        } else if ((line === 'opening' && killEarly) || (line === 'ready' && !killEarly)) {
          timer = setTimeout(kill, delayMs);
        }
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (${code}): ${stderr}`));
      else resolve(ackCount);
    });
  });
}

/** Every article file parses and validates; every acknowledged save is on disk (or a later one). */
async function checkDisk(dataDir: string, acks: Map<string, Ack>): Promise<void> {
  const names = await readdir(join(dataDir, 'articles')).catch(() => [] as string[]);
  for (const name of names) {
    if (name.endsWith(TEMP_SUFFIX)) continue;
    const text = await readFile(join(dataDir, 'articles', name), 'utf8');
    const parsed = articleSchema.safeParse(migrateArticle(JSON.parse(text)));
    expect(parsed.success, `${name} is a valid article`).toBe(true);
  }
  for (const [id, ack] of acks) {
    const doc = articleSchema.parse(JSON.parse(await readFile(join(dataDir, 'articles', `${id}.json`), 'utf8')));
    expect(doc.rev, `${id}: stored rev ≥ acknowledged rev`).toBeGreaterThanOrEqual(ack.rev);
    if (doc.rev === ack.rev) expect(hashOf(doc), `${id}: acknowledged content`).toBe(ack.hash);
  }
  // Nothing was ever quarantined: a crash must not produce a damaged file.
  expect(await readdir(join(dataDir, 'quarantine')).catch(() => [])).toEqual([]);
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments: files parse, acknowledged saves persist, the index agrees`, async () => {
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(join(workDir, `lane-${lane}`))));
    const totalAcks = lanes.reduce((sum, lane) => sum + lane.acked, 0);
    const seconds = (Date.now() - started) / 1000;
    console.log(`crash safety: ${LANES * Math.ceil(KILLS / LANES)} kills in ${LANES} lanes, ${totalAcks} acknowledged saves, ${seconds.toFixed(1)} s`);
    // The kills must have landed among saves, not only around start-up.
    expect(totalAcks).toBeGreaterThan(KILLS / 2);
    for (const { dataDir, acks } of lanes) await checkFinal(dataDir, acks);
  }, 300_000);
});

async function runLane(dataDir: string): Promise<{ dataDir: string; acks: Map<string, Ack>; acked: number }> {
  const acks = new Map<string, Ack>();
  let acked = 0;
  for (let kill = 0; kill < Math.ceil(KILLS / LANES); kill += 1) {
    // Most kills land while saving; one in five lands during open (index repair, compaction).
    const killEarly = kill % 5 === 4;
    acked += await runAndKill(dataDir, acks, killEarly, Math.random() * (killEarly ? 30 : 120));
    await checkDisk(dataDir, acks);
  }
  return { dataDir, acks, acked };
}

async function checkFinal(dataDir: string, acks: Map<string, Ack>): Promise<void> {
  {

    // After the last kill, the store opens, and its index matches every document exactly.
    const store = await ArticleStore.open(dataDir);
    const summaries = store.list();
    expect(summaries.map((s) => s.id).sort()).toEqual([...acks.keys()].sort());
    for (const summary of summaries) {
      const article = await store.get(summary.id);
      expect(summary.rev, `${summary.id}: index rev = document rev`).toBe(article.rev);
      expect(summary.title).toBe(article.title);
      expect(article.rev).toBeGreaterThanOrEqual(acks.get(summary.id)!.rev);
    }
    expect((await readdir(join(dataDir, 'articles'))).filter((n) => n.endsWith(TEMP_SUFFIX))).toEqual([]);
    await store.close();
  }
}

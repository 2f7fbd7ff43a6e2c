// The child-process machinery of the store's crash test (crashSafety.test.ts) for the soak
// (`npm run soak`, scripts/soak.ts): build the saving child (crashChild.ts) once, run it and SIGKILL
// it at a random moment, then say what is wrong on disk, as counts and messages rather than test
// assertions. crashSafety.test.ts still has its own copy of runAndKill and checkDisk; moving it onto
// this module is left for a run on an unloaded machine (its 200 kills need one to finish in time).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { migrateArticle } from '../../../../../src/main/services/store/migrateArticle';
import { TEMP_SUFFIX } from '../../../../../src/main/services/store/writeFileDurable';
import { articleSchema } from '../../../../../src/shared/model/Article';

export type Ack = { rev: number; hash: string };

export function hashOf(article: { title: string; body: unknown }): string {
  return createHash('sha256').update(JSON.stringify({ title: article.title, body: article.body })).digest('hex');
}

/**
 * Bundles crashChild.ts into `workDir` and returns how to start it: node + these arguments + the
 * data dir. One bundle, built once (spawning tsx hundreds of times would cost far more), and a V8
 * startup snapshot where Node can build one (it skips evaluating zod, lowdb and the store at start).
 */
export async function buildCrashChild(workDir: string, log: (line: string) => void = console.log): Promise<string[]> {
  const script = join(workDir, 'crashChild.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crashChild.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const blob = join(workDir, 'crashChild.blob');
  try {
    execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { stdio: 'pipe' });
    return ['--snapshot-blob', blob];
  } catch (error) {
    log(`crash child: no startup snapshot, running the plain bundle: ${String(error).slice(0, 200)}`);
    return [script];
  }
}

/**
 * Runs the child until `delayMs` after it said 'opening' (killEarly) or 'ready', SIGKILLs it, and
 * returns how many acks it printed (recorded in `acks`). Acks are parsed only from whole lines: a
 * line cut by the kill was never acknowledged.
 */
export function runAndKill(childArgs: string[], dataDir: string, acks: Map<string, Ack>, killEarly: boolean, delayMs: number): Promise<number> {
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

export interface DiskProblems {
  /** Article files that do not parse or validate (or were quarantined: a crash must not damage one). */
  unparsable: string[];
  /** Acknowledged saves not on disk: neither that rev with that content, nor a later rev. */
  lost: string[];
}

/** What is wrong in `dataDir` after a kill, given the saves the child acknowledged before it. */
export async function diskProblems(dataDir: string, acks: Map<string, Ack>): Promise<DiskProblems> {
  const problems: DiskProblems = { unparsable: [], lost: [] };
  const names = await readdir(join(dataDir, 'articles')).catch(() => [] as string[]);
  for (const name of names) {
    if (name.endsWith(TEMP_SUFFIX)) continue;
    try {
      const text = await readFile(join(dataDir, 'articles', name), 'utf8');
      if (!articleSchema.safeParse(migrateArticle(JSON.parse(text))).success) problems.unparsable.push(`${name}: not a valid article`);
    } catch (error) {
      problems.unparsable.push(`${name}: ${String(error).slice(0, 120)}`);
    }
  }
  for (const [id, ack] of acks) {
    try {
      const doc = articleSchema.parse(JSON.parse(await readFile(join(dataDir, 'articles', `${id}.json`), 'utf8')));
      if (doc.rev < ack.rev) problems.lost.push(`${id}: stored rev ${doc.rev} < acknowledged rev ${ack.rev}`);
      else if (doc.rev === ack.rev && hashOf(doc) !== ack.hash) problems.lost.push(`${id}: rev ${ack.rev} holds other content than acknowledged`);
    } catch (error) {
      problems.lost.push(`${id}: acknowledged rev ${ack.rev}, unreadable: ${String(error).slice(0, 120)}`);
    }
  }
  const quarantined = await readdir(join(dataDir, 'quarantine')).catch(() => [] as string[]);
  for (const name of quarantined) problems.unparsable.push(`quarantine/${name}`);
  return problems;
}

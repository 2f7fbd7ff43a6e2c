// `npm run soak` (issue #17's soak, first part): SIGKILLs a saving process at random moments —
// 1,000 kills, or 100 with `--short` (CI) — through the store crash tests' machinery
// (tests/unit/main/services/store/crashChildProcess.ts), and after every kill checks the disk:
// files that fail to parse, acknowledged saves lost. Prints the counts; exits non-zero on any loss,
// or when the time bound ran out before every kill was done. Bounded: 60 min, 10 with --short.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCrashChild, diskProblems, runAndKill, type Ack } from '../tests/unit/main/services/store/crashChildProcess';

const short = process.argv.includes('--short');
const KILLS = Number(process.env.SOAK_KILLS ?? (short ? 100 : 1000));
/** Independent data dirs killed side by side: a child mostly waits for Node to start. */
const LANES = 4;
const DEADLINE_MS = (short ? 10 : 60) * 60_000;

const started = Date.now();
const workDir = await mkdtemp(join(tmpdir(), 'newsdesk-soak-'));
const counts = { kills: 0, acknowledged: 0, unparsable: 0, lost: 0 };
const examples: string[] = [];
let outOfTime = false;

async function lane(index: number, childArgs: string[], kills: number): Promise<void> {
  const dataDir = join(workDir, `lane-${index}`);
  const acks = new Map<string, Ack>();
  for (let kill = 0; kill < kills; kill += 1) {
    if (Date.now() - started > DEADLINE_MS) {
      outOfTime = true;
      return;
    }
    // Most kills land while saving; one in five during open (index repair, compaction).
    const killEarly = kill % 5 === 4;
    counts.acknowledged += await runAndKill(childArgs, dataDir, acks, killEarly, Math.random() * (killEarly ? 30 : 120));
    counts.kills += 1;
    const problems = await diskProblems(dataDir, acks);
    counts.unparsable += problems.unparsable.length;
    counts.lost += problems.lost.length;
    examples.push(...[...problems.unparsable, ...problems.lost].slice(0, 5 - examples.length).map((p) => `lane ${index}, kill ${kill + 1}: ${p}`));
    if (counts.kills % 50 === 0) console.log(`soak: ${counts.kills} of ${KILLS} kills, ${counts.acknowledged} saves acknowledged, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

try {
  const childArgs = await buildCrashChild(workDir, (line) => console.log(`soak: ${line}`));
  const perLane = Array.from({ length: LANES }, (_, i) => Math.floor(KILLS / LANES) + (i < KILLS % LANES ? 1 : 0));
  await Promise.all(perLane.map((kills, i) => lane(i, childArgs, kills)));
} finally {
  await rm(workDir, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `soak: ${counts.kills} SIGKILLs of a saving process in ${seconds} s; ${counts.acknowledged} saves acknowledged; ` +
    `files that fail to parse ${counts.unparsable}, acknowledged saves lost ${counts.lost}`,
);
for (const example of examples) console.log(`  ${example}`);
if (counts.unparsable + counts.lost > 0) process.exitCode = 1;
else if (outOfTime) {
  console.log(`soak: out of time after ${counts.kills} of ${KILLS} kills (bound ${DEADLINE_MS / 60_000} min): not a pass`);
  process.exitCode = 1;
} else if (counts.acknowledged < counts.kills / 2) {
  // The kills must land among saves, not only around start-up, or the run proved little.
  console.log('soak: fewer acknowledged saves than half the kills: the kills did not land among saves');
  process.exitCode = 1;
}

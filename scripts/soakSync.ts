// `npm run soak:sync`: the sync scenario of tests/portal/syncFaults.test.ts, long: 1,000
// operations at 30 % faults against the harness WordPress (flags: --operations N --rate R --seed S).
// Prints the counts; exits 1 on any duplicate, lost edit, mismatch or item left in the outbox.
import { parseArgs } from 'node:util';
import { runSyncScenario } from '../tests/portal/harness/syncScenario';
import { startWordPress } from '../tests/portal/harness/startWordPress';

const { values } = parseArgs({
  options: { operations: { type: 'string', default: '1000' }, rate: { type: 'string', default: '0.3' }, seed: { type: 'string' } },
});
const operations = Number(values.operations);
const faultRate = Number(values.rate);
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
console.log(`soak:sync: ${operations} operations at ${faultRate * 100} % faults, seed ${seed}`);
const started = Date.now();
const wp = await startWordPress();
let failed = true;
try {
  const result = await runSyncScenario({ wp, operations, faultRate, seed, log: console.log });
  const faults = Object.values(result.faults).reduce((sum, count) => sum + count, 0);
  console.log(`requests ${result.requests}, faults ${faults} (${((100 * faults) / result.requests).toFixed(1)} %): ${JSON.stringify(result.faults)}`);
  console.log(`recovered: ${JSON.stringify(result.recovered)}`);
  console.log(`duplicate posts ${result.duplicatePosts}, duplicate photos ${result.duplicateMedia}, lost edits ${result.lostEdits.length}, mismatches ${result.mismatches.length}, left in outbox ${result.leftInOutbox}`);
  for (const line of [...result.lostEdits, ...result.mismatches]) console.log(`  ${line}`);
  failed = result.duplicatePosts + result.duplicateMedia + result.lostEdits.length + result.mismatches.length + result.leftInOutbox > 0;
} finally {
  await wp.stop();
}
console.log(`soak:sync: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);

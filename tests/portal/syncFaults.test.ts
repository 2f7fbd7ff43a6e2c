// The sync promise under a bad network (docs/sync.md): two laptops, one real WordPress, a fault
// proxy between them that fails a quarter of the requests in every way a network and a host do,
// including cutting answers after WordPress committed the write. The author writes, edits and adds
// photos, the editor edits and moves articles on. It must end with no duplicate, no lost edit, no
// photo doubled or missing, and the portal equal to both laptops. `npm run soak:sync` runs the
// long version.
import { describe, expect, it } from 'vitest';
import { portalSkipReason } from './harness/portalSkipReason';
import { runSyncScenario } from './harness/syncScenario';
import { PORTAL_FLAVOUR, startWordPress, WITH_PLUGIN } from './harness/startWordPress';

const skip = portalSkipReason();
const OPERATIONS = 300;
const FAULT_RATE = 0.25;

describe.skipIf(skip !== null)(`sync under faults (real WordPress, fault proxy, two laptops)${PORTAL_FLAVOUR}`, () => {
  it(`${OPERATIONS} operations (creates, edits, photos, state changes) at ${FAULT_RATE * 100} % faults: 0 duplicates, 0 lost edits, the portal equal to both laptops`, async () => {
    const seed = Number(process.env.SYNC_SCENARIO_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`sync scenario seed ${seed} (replay: SYNC_SCENARIO_SEED=${seed})`);
    const wp = await startWordPress({ plugin: WITH_PLUGIN });
    try {
      const result = await runSyncScenario({ wp, operations: OPERATIONS, faultRate: FAULT_RATE, seed, log: console.log, photos: true });
      console.log(`sync scenario: ${JSON.stringify(result)}`);
      const faults = Object.values(result.faults).reduce((sum, count) => sum + count, 0);
      expect(faults / result.requests).toBeGreaterThanOrEqual(0.15);
      expect(result.faults.cutAfterCommit).toBeGreaterThan(0);
      expect(result.photosAdded).toBeGreaterThan(0);
      expect(result.duplicatePosts).toBe(0);
      expect(result.duplicateMedia).toBe(0);
      expect(result.lostEdits).toEqual([]);
      expect(result.mismatches).toEqual([]);
      expect(result.leftInOutbox).toBe(0);
    } finally {
      await wp.stop();
    }
  }, 900_000);
});

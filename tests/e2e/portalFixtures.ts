import { portalSkipReason } from '../portal/harness/portalSkipReason';
import { startWordPress, type WordPress } from '../portal/harness/startWordPress';
import { test as base } from './fixtures';

/**
 * Why the harness WordPress cannot run here (printed once), or null. As in the portal suite, in CI
 * this is always null: missing packages there must fail the tests, not skip them.
 */
export const portalSkip = portalSkipReason();

/**
 * The e2e fixtures plus `wp`: the portal suite's throwaway WordPress (MariaDB + PHP on loopback,
 * a contributor, an author and an editor with application passwords), one per worker. Each test
 * still has its own web host and data dir; posts made by earlier tests stay on the portal, so a
 * test finds its own by a title no other test uses.
 */
export const test = base.extend<object, { wp: WordPress }>({
  wp: [
    async ({}, use) => {
      const wp = await startWordPress();
      await use(wp);
      await wp.stop();
    },
    // Starting MariaDB and installing WordPress takes ~6 s alone, much longer on a loaded machine.
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from './fixtures';

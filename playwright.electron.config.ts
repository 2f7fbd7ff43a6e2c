import { defineConfig } from '@playwright/test';

// The desktop host in a real Electron (tests/electron), apart from the web-edition e2e run so that
// run is unaffected. Where no Electron binary exists every test reports itself skipped, with why.
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One Electron at a time: each is a full browser, and the machine is shared.
  workers: 1,
  retries: 0,
  // Its own output folder: Playwright empties its outputDir when a run starts, and with the default
  // (test-results/) for both configs the Electron run wiped the e2e run's traces and error
  // context files. The JSON report sits beside it, where scripts/test-all.mjs reads it.
  outputDir: 'test-results/electron',
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
});

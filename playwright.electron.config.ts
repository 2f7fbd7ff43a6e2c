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
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
});

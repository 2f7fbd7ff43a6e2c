import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium';

// End to end against the web edition in Debian's Chromium. Each test starts its own host with its
// own temporary data dir (tests/e2e/fixtures.ts); the build runs once in globalSetup.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Its own output folder: Playwright empties its outputDir when a run starts, and with the default
  // (test-results/) for both configs the Electron run wiped the e2e run's traces and error
  // context files. The JSON report sits beside it, where scripts/test-all.mjs reads it.
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    locale: 'vi-VN',
  },
});

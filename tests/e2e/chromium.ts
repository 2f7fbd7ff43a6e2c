import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, never a downloaded one (`npx playwright install` cannot work here).
 * Without the networking flags Chromium keeps trying to reach the internet and is refused.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

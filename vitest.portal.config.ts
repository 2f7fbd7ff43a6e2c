import { defineConfig } from 'vitest/config';

// The portal suite: tests/portal/*.test.ts against a real WordPress the harness starts (one per
// file, in beforeAll). Kept out of the unit config: it needs Debian's WordPress, MariaDB and PHP.
export default defineConfig({
  test: {
    include: ['tests/portal/**/*.test.ts'],
    environment: 'node',
    // Two-laptop tests take 15–20 s on a quiet 2-core machine and passed the old 30 s only just
    // when the machine was loaded: a timeout is a limit for a hung test, not a measure.
    testTimeout: 90_000,
    // Starting MariaDB + WordPress takes ~6 s alone, longer on a loaded machine.
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file runs its own MariaDB + PHP: two at a time is what 2 cores take.
    maxWorkers: 2,
  },
});

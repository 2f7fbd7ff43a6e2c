import { defineConfig } from 'vitest/config';

// The portal suite: tests/portal/*.test.ts against a real WordPress the harness starts (one per
// file, in beforeAll). Kept out of the unit config: it needs Debian's WordPress, MariaDB and PHP.
export default defineConfig({
  test: {
    include: ['tests/portal/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Starting MariaDB + WordPress takes ~6 s alone, longer on a loaded machine.
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file runs its own MariaDB + PHP: two at a time is what 2 cores take.
    maxWorkers: 2,
  },
});

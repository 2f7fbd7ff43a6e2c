import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Store tests fsync real files; the machine is shared and slow at times.
    testTimeout: 30_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/_support/fast-check-seed.ts'],
    testTimeout: 60_000,
  },
});

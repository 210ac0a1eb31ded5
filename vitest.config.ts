import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,shared,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', './scripts/summaryReporter.ts'],
  },
});

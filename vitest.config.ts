import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,shared,scripts,renderer}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', './scripts/summaryReporter.ts'],
    globalSetup: ['./scripts/e2e/globalSetup.ts', './scripts/peers/globalSetup.ts'],
    // Stopping the local social servers (scripts/peers/) takes several seconds; the default 10 s cuts it short.
    teardownTimeout: 60_000,
  },
});

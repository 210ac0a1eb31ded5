import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with the plain line "N passed, N failed" (", N skipped" when any), which CI
 * reads to know how many tests ran: vitest's own summary is not a format it knows.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1;
    }
    const skipped = counts.skipped + counts.pending;
    console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  }
}

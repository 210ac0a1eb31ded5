import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export type RunCounts = { passed: number; failed: number; skipped: number };

/**
 * What a run amounts to. A test file that fails to load (a browser that cannot start, an
 * import that throws) or an error outside any test fails the run as surely as a failed test,
 * so each counts as one failure: a summary line must never say "0 failed" for a red run.
 */
export function countRun(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): RunCounts {
  const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) counts[test.result().state] += 1;
    if (module.errors().length > 0) counts.failed += 1;
  }
  return { passed: counts.passed, failed: counts.failed + unhandledErrors.length, skipped: counts.skipped + counts.pending };
}

/**
 * Ends every run with the plain line "N passed, N failed" (", N skipped" when any), which CI
 * reads to know how many tests ran: vitest's own summary is not a format it knows.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    const { passed, failed, skipped } = countRun(testModules, unhandledErrors);
    console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  }
}

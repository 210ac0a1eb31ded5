import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { countRun, type RunCounts } from './summaryReporter';

const root = mkdtempSync(join(tmpdir(), 'pieuvre-summary-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs vitest on real test files and counts the run as the summary line does. */
async function countFiles(files: Record<string, string>): Promise<RunCounts> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  let counts: RunCounts | undefined;
  const vitest = await startVitest('test', [], {
    root,
    watch: false,
    config: false,
    include: ['*.check.ts'],
    reporters: [{ onTestRunEnd: (modules, errors) => void (counts = countRun(modules, errors)) }],
  });
  await vitest.close();
  if (!counts) throw new Error('the run never ended');
  return counts;
}

describe('the summary line', () => {
  it('counts a test file that cannot load as a failure, beside the tests that ran', async () => {
    const counts = await countFiles({
      'fine.check.ts': "import { it, expect } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\nit.skip('later', () => {});\n",
      'broken.check.ts': "import { it } from 'vitest';\nthrow new Error('no browser here');\nit('never runs', () => {});\n",
    });
    expect(counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
  });
});

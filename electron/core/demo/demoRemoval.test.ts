import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { memoryLog } from '../testing/memoryLog';
import { createTestCore, type TestCore } from '../testing/testCore';
import { startDemoIfWanted } from '../utilityCore';

let dataDir: string;
let core: TestCore | undefined;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-demo-'))));
afterEach(() => {
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The core as the app starts it on the test's data folder: the demo runs when it is wanted. */
async function start(): Promise<{ core: TestCore; hasDemo: boolean }> {
  core?.close();
  core = createTestCore({ dataDir, log: memoryLog().log, demo: { backlogCount: 3 } });
  return { core, hasDemo: await startDemoIfWanted(core) };
}

it('the demo removed by the person stays removed across restarts, with no account left, until they start it again', async () => {
  const first = await start();
  expect(first.hasDemo).toBe(true);
  expect(await first.core.call('demo.remove', {})).toMatchObject({ removedAccounts: expect.any(Number) });

  const second = await start();
  expect(second.hasDemo).toBe(false);
  expect(await second.core.call('accounts.list', {})).toEqual([]);

  await second.core.call('demo.start', {});
  expect((await start()).hasDemo).toBe(true);
});

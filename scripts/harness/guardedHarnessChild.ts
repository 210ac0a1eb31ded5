import { installProcessGuards } from '../../electron/core/log/processGuards';
import { startHarness } from './startHarness';

/**
 * A child process for processGuards.test.ts: the harness as `npm run dev:web` runs it (guards
 * installed unless told `unguarded`), then a promise nobody awaits rejects and a timer throws.
 * Still alive, it answers a request and prints the answer.
 */
const [dataDir = '', mode = 'guarded'] = process.argv.slice(2);
const harness = await startHarness({ dataDir, rendererDir: dataDir, startDemo: false });
if (mode === 'guarded') installProcessGuards(harness.core.log, 'harness');

void Promise.reject(new Error('A rejected promise nobody awaited (access_token=secret-1).'));
setTimeout(() => {
  throw new Error('A timer that threw.');
}, 0);
setTimeout(async () => {
  const counts = await harness.call('conversations.counts', {});
  console.log(JSON.stringify({ openUnread: counts.openUnread }));
  await harness.close();
  await harness.core.log.close();
}, 100);

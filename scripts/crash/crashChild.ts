/**
 * One life of the core in the crash test: the real core on a real data folder, the demo
 * connector keeping what it received in a file (the "platform", which outlives this process).
 * Queues the replies and one bulk "report as spam" on first start, then sends until the outbox
 * is empty, unless killed first.
 */
import { createApiClient } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { inProcessTransport } from '../../electron/core/api/inProcessTransport';
import { DemoConnector } from '../../electron/core/connectors/demo/demoConnector';
import { fileReceivedLog } from '../../electron/core/connectors/demo/demoReceivedLog';
import { createCore } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import { flaky } from './flakyConnector';

const [dataDir, receivedPath, countArg] = process.argv.slice(2);
if (dataDir === undefined || receivedPath === undefined || countArg === undefined) throw new Error('usage: crashChild <dataDir> <received.jsonl> <count>');
const count = Number(countArg);
const THREADS = 50;

const core = createCore({ dataDir, outbox: { backoff: { baseMs: 10, maxMs: 100, maxAttempts: 1_000 } } });
// This script writes to the database directly: after a reopened file's integrity check.
if (!(await core.health.whenWritable())) throw new Error('crash child: the database is damaged');
const { db } = core.context;
const client = createApiClient(inProcessTransport(core.server, core.events));
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await client.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}
const account = ensureAccount(db, { platform: 'mastodon', externalId: 'crash-brand', name: 'Brûlerie Castor', handle: '@castor', isDemo: true }, Date.now());
const demo = new DemoConnector({ seed: 1, platform: 'mastodon', startedAt: Date.now(), backlogCount: 0, backlogWindowMs: 0, ratePerMinute: 0, pageSize: 1, now: Date.now, received: fileReceivedLog(receivedPath) });
core.context.connectors.register(account.id, flaky(demo, Math.random));

const conversationIds = (): string[] => db.prepare<[], { id: string }>('SELECT id FROM conversations ORDER BY seq').all().map((row) => row.id);

if (conversationIds().length === 0) {
  core.context.ingest({
    accountId: account.id,
    source: 'crash-test',
    items: Array.from({ length: THREADS }, (_, n) => ({
      platform: 'mastodon',
      kind: 'mention',
      externalId: `toot-${n}`,
      threadExternalId: `toot-${n}`,
      author: { externalId: `fan-${n}`, handle: `@fan${n}@mastodon.social`, name: `Fan ${n}` },
      text: `Question numéro ${n}`,
      createdAt: Date.now() - 60_000,
    })),
  });
}

async function main() {
  await call('outbox.setUndoDelay', { undoSendMs: 0 });
  const threads = conversationIds();
  // Idempotent by key: a kill while queueing queues the rest on the next start, each once.
  for (let n = 0; n < count; n += 1) {
    const conversationId = threads[n % threads.length] ?? '';
    await call('outbox.send', { conversationId, text: `Réponse ${n}`, idempotencyKey: `crash-reply-${n}`, when: { kind: 'now' } });
  }
  // One transaction queues the whole bulk: either it is there from an earlier life or not at all.
  if (db.prepare("SELECT 1 FROM outbox WHERE kind = 'moderation'").get() === undefined) await call('moderation.act', { action: 'mark_spam', conversationIds: threads });
  process.stdout.write('ready\n');
  while ((await call('outbox.counts', {})).pending > 0) {
    await core.outbox.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  process.stdout.write('drained\n');
  core.close();
}

void main();

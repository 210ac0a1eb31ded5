/**
 * One life of the core in the crash test: the real core on a real data folder, the demo
 * connector keeping what it received in a file (the "platform", which outlives this process).
 * Queues the replies and one bulk "report as spam" on first start, then sends until nothing is
 * pending (replies held for checking wait for a person), unless its plan kills it first. Its
 * clock moves only when nothing is due: to the next retry.
 */
import { appendFileSync } from 'node:fs';
import { createApiClient, throwingCall } from '../../shared/api/client';
import { inProcessTransport } from '../../electron/core/api/inProcessTransport';
import type { Connector } from '../../electron/core/connectors/connector';
import { DemoConnector } from '../../electron/core/connectors/demo/demoConnector';
import { fileReceivedLog } from '../../electron/core/connectors/demo/demoReceivedLog';
import { createCore } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import { lifeRandom, replyKey, type LifePlan } from './crashPlan';
import { dedupingPlatform } from './dedupingPlatform';
import { flaky } from './flakyConnector';

function planFromArgs(): LifePlan {
  const json = process.argv[2];
  if (json === undefined) throw new Error('usage: crashChild <life plan as JSON>');
  return JSON.parse(json) as LifePlan;
}
const plan = planFromArgs();
const THREADS = 50;
/** A real SIGKILL, at a point the plan chose: nothing after it runs, exactly as when the parent sends it. */
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: killed');
};

let now = plan.startsAt;
const clock = () => now;
const jitter = lifeRandom(plan, 'jitter');
const core = createCore({ dataDir: plan.dataDir, clock, outbox: { backoff: { baseMs: 10, maxMs: 100, maxAttempts: 1_000 }, random: () => jitter.float() } });
// This script writes to the database directly: after a reopened file's integrity check.
if (!(await core.health.whenWritable())) throw new Error('crash child: the database is damaged');
const { db } = core.context;
const client = createApiClient(inProcessTransport(core.server, core.events));
const call = throwingCall(client);

function platform(): Connector {
  const demo = new DemoConnector({
    seed: 1, platform: 'mastodon', startedAt: now, backlogCount: 0, backlogWindowMs: 0, ratePerMinute: 0, pageSize: 1, now: clock,
    received: fileReceivedLog(plan.receivedPath),
  });
  const base = plan.run === 'dedupes-by-key' ? dedupingPlatform(demo, (key) => appendFileSync(`${plan.receivedPath}.dropped`, `${key}\n`)) : demo;
  const random = lifeRandom(plan, 'platform');
  const kill = plan.kill?.at === 'call' ? plan.kill : null;
  return flaky(base, { random: () => random.float(), kill, die, isLookupUnsure: plan.run === 'unsure-lookups' });
}

const account = ensureAccount(db, { platform: 'mastodon', externalId: 'crash-brand', name: 'Brûlerie Castor', handle: '@castor', isDemo: true }, now);

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
      createdAt: now - 60_000,
    })),
  });
}

async function main(live: LifePlan) {
  await call('outbox.setUndoDelay', { undoSendMs: 0 });
  const threads = conversationIds();
  // Idempotent by key: a kill while queueing queues the rest on the next start, each once.
  for (let n = 0; n < live.replies; n += 1) {
    if (live.kill?.at === 'queueing' && live.kill.after === n) die();
    const conversationId = threads[n % threads.length] ?? '';
    await call('outbox.send', { conversationId, text: `Réponse ${n}`, idempotencyKey: replyKey(n), when: { kind: 'now' } });
  }
  // Connected once the replies are queued: sends never race the queueing, so their order is the
  // seed's. (Moderation asks what the account allows: it needs the connection.)
  core.context.connectors.register(account.id, platform());
  // One transaction queues the whole bulk: either it is there from an earlier life or not at all.
  if (db.prepare("SELECT 1 FROM outbox WHERE kind = 'moderation'").get() === undefined) await call('moderation.act', { action: 'mark_spam', conversationIds: threads });
  process.stdout.write('ready\n');
  const nextRetry = db.prepare<[number], { at: number | null }>("SELECT min(not_before) AS at FROM outbox WHERE state = 'queued' AND not_before > ?");
  for (;;) {
    await core.outbox.drain();
    if ((await call('outbox.counts', {})).pending === 0) break;
    // What is due now was sent; the rest waits for a backoff or a rate limit to end.
    const at = nextRetry.get(now)?.at;
    if (at === null || at === undefined) throw new Error('Replies wait, but none will ever be due.');
    now = at;
  }
  // What the Outbox view would count as held for checking, for the parent to compare with the rows.
  process.stdout.write(`drained; needs-check counted ${(await call('outbox.counts', {})).needsCheck}\n`);
  core.close();
}

void main(plan);

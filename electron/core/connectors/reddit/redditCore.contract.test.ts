import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../secrets/secret';
import { accountSecretName } from '../../secrets/secretStore';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { ensureAccount } from '../../store/accounts';
import { ManualTimers } from '../../testing/manualTimers';
import { memoryLog } from '../../testing/memoryLog';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { REDDIT_ACCOUNT, signedInSecret } from './contract/openRedditConnector';
import { RedditContractServer } from './contract/redditContractServer';
import { BRAND, commentMessage, SEED_END_S } from './contract/redditFixtures';
import { redditPlatform } from './redditPlatform';

// A Reddit account in a real core: stored with its secret as a sign-in leaves it, opened at start,
// synced from the contract server into SQLite, read back as the UI reads it, and answered through the outbox.

let dataDir: string;
let server: RedditContractServer;
const cores: TestCore[] = [];
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-reddit-'));
  server = await RedditContractServer.start({ clientId: 'pieuvre-test-app' });
});
afterEach(async () => {
  cores.splice(0).forEach((core) => core.close());
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A core on the test's data folder; without Reddit's factory, it leaves Reddit accounts alone. */
function openCore(withReddit = true): TestCore {
  const factories = withReddit ? { reddit: redditPlatform.factory(server.url) } : {};
  const core = createTestCore({ dataDir, startAt: Date.now(), log: memoryLog().log, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories, signIns: {} }, sync: { timers: new ManualTimers(), random: () => 0.5 } });
  cores.push(core);
  return core;
}

/** What finishing the sign-in stores (the account row, its secret), then a restart that opens it. */
async function signedInCore(): Promise<{ core: TestCore; id: string }> {
  const first = openCore(false);
  const { id } = ensureAccount(first.context.db, { platform: 'reddit', externalId: REDDIT_ACCOUNT.externalId, name: BRAND.name, handle: REDDIT_ACCOUNT.handle, server: null, isDemo: false }, Date.now());
  await (await first.secrets()).set(accountSecretName(id, 'session'), new Secret(signedInSecret(server)));
  first.close();
  const core = openCore();
  await expect.poll(() => core.context.connectors.find(id)).toBeDefined();
  return { core, id };
}

describe('Reddit through a real core', () => {
  it('syncs the inbox into conversations and messages, then only what is new, and shows the account’s rate limit', async () => {
    server.seed(150, 3);
    const { core, id } = await signedInCore();
    let inserted = 0;
    for (let pass = 0; pass < 5; pass++) inserted += (await core.call('accounts.syncNow', { id })).inserted;
    expect(inserted).toBe(150);
    const threads = new Set(server.inbox.map((thing) => (thing.kind === 't4' ? thing.data.name : `t3_${/\/comments\/(\w+)\//u.exec(String(thing.data.context))?.[1]}`)));
    const conversations = await core.call('conversations.list', { limit: 200 });
    expect(conversations.total).toBe(threads.size);
    expect(conversations.items.every((conversation) => conversation.platform === 'reddit')).toBe(true);
    const detail = await core.call('conversations.get', { id: conversations.items[0]!.id });
    expect(detail.messages.length).toBeGreaterThan(0);

    server.arrive(commentMessage('new1', { createdS: SEED_END_S + 60, body: 'Encore moi : merci pour la réponse!' }));
    expect(await core.call('accounts.syncNow', { id })).toMatchObject({ inserted: 1 });
    const [view] = await core.call('accounts.list', {});
    expect(view?.limits).toMatchObject({ budget: null, cannot: ['reddit_needs_approval'], rateLimit: { limit: 1000 } });
  });

  it('a reply queued in the outbox is posted once on Reddit, in the thread of the comment answered', async () => {
    server.arrive(commentMessage('ask1', { createdS: SEED_END_S, body: 'Est-ce que vous avez du décaf?' }));
    const { core, id } = await signedInCore();
    await core.call('accounts.syncNow', { id });
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [conversation] = (await core.call('conversations.list', { limit: 1 })).items;
    await core.call('outbox.send', { conversationId: conversation!.id, text: 'Oui, un décaf à l’eau suisse 🙂', idempotencyKey: 'reddit-core-1', when: { kind: 'now' } });
    await core.outbox.drain();
    expect(server.received('POST', '/api/comment').map((call) => call.body)).toEqual([{ api_type: 'json', thing_id: 't1_ask1', text: 'Oui, un décaf à l’eau suisse 🙂' }]);
    const [sent] = await core.call('outbox.list', { scope: 'all', limit: 10 });
    expect(sent?.state).toBe('sent');
  });
});

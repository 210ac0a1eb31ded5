import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { memoryLog } from '../../testing/memoryLog';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { BRAND_USER, mentionPost, SEEDED_AUTHORS, snowflake } from './contract/xContractData';
import { XContractServer } from './contract/xContractServer';
import { X_APP } from './contract/xTestKit';
import { encodeXSecret } from './xSecret';
import { xPlatform } from './xPlatform';

// An X account synced by a real core from the contract server into SQLite: the conversations
// and messages as the inbox reads them, and the account's limits as the Accounts view shows them.

let server: XContractServer | null = null;
let core: TestCore | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  core?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A core on a data folder of its own, X served by the contract server, and the X account connected as a finished sign-in hands it over. */
async function connectedCore(options: Pick<Parameters<typeof createTestCore>[0] & object, 'outbox'> = {}) {
  server = await XContractServer.start({ clientId: X_APP.clientId });
  const secret = encodeXSecret({ ...server.oauth.issue(), userId: BRAND_USER.id, username: BRAND_USER.username });
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-x-'));
  core = createTestCore({
    ...options,
    dataDir,
    keyProviders: [keyFileKeyProvider(dataDir)],
    startAt: Date.now(),
    log: memoryLog().log,
    // accounts.finishOAuth wires the real sign-in; here the Bluesky form's sign-in stands for it.
    platforms: { factories: { x: xPlatform.factory(server.url) }, signIns: { bluesky: async () => ({ platform: 'x', externalId: BRAND_USER.id, handle: '@brulerie', name: 'Brûlerie du Quai', server: null, secret }) } },
  });
  const account = await core.call('accounts.connectBluesky', { identifier: 'brulerie', appPassword: 'unused' });
  return { server, core, account };
}

describe('X through a real core', () => {
  it('syncs mentions and DMs into conversations, a reply in the thread of the mention it answers, and shows the month’s spend', async () => {
    const { server, core, account } = await connectedCore();
    const now = Date.now();
    const first = server.addPost(mentionPost({ id: snowflake(now - 120_000, 1), author: SEEDED_AUTHORS[0]!, text: 'Vous ouvrez à quelle heure demain?', lang: 'fr', at: now - 120_000 }));
    server.addPost(mentionPost({ id: snowflake(now - 60_000, 2), author: SEEDED_AUTHORS[2]!, text: 'Moi aussi je veux savoir 🙏', lang: 'fr', at: now - 60_000, parent: first }));
    server.addDm(SEEDED_AUTHORS[1]!, 'Hi! Do you ship to Ottawa?', now - 30_000);
    expect(await core.call('accounts.syncNow', { id: account.id })).toMatchObject({ inserted: 3, rejected: 0 });

    const { items } = await core.call('conversations.list', {});
    expect(items.map((conversation) => [conversation.platform, conversation.kind, conversation.messageCount]).sort()).toEqual([
      ['x', 'dm', 1],
      ['x', 'mention', 2],
    ]);
    const thread = await core.call('conversations.get', { id: items.find((conversation) => conversation.kind === 'mention')!.id });
    expect(thread.messages.map((message) => message.text)).toEqual(['@brulerie Vous ouvrez à quelle heure demain?', '@brulerie Moi aussi je veux savoir 🙏']);

    const [view] = await core.call('accounts.list', {});
    expect(view?.limits).toMatchObject({ budget: { unit: 'usd', used: expect.any(Number), limit: null }, cannot: ['x_replies_need_mention', 'x_pay_per_use'] });
    expect(view!.limits!.budget!.used).toBeGreaterThan(0);
  });

  it('a reply X took but whose answer was lost is found on X before a second attempt: one reply on X, recorded once', async () => {
    const { server, core, account } = await connectedCore({ outbox: { backoff: { baseMs: 1, maxMs: 1, maxAttempts: 8 } } });
    const at = Date.now() - 60_000;
    server.addPost(mentionPost({ id: snowflake(at, 1), author: SEEDED_AUTHORS[0]!, text: 'Livrez-vous à Lévis?', lang: 'fr', at }));
    await core.call('accounts.syncNow', { id: account.id });
    const [conversation] = (await core.call('conversations.list', {})).items;
    server.loseNextAnswer((request) => request.method === 'POST' && request.path === '/2/tweets');
    const queued = await core.call('outbox.send', { conversationId: conversation!.id, text: 'Oui, à Lévis aussi!', idempotencyKey: 'x-reply-0001', when: { kind: 'now' } });
    core.now.value = Math.max(core.now.value, queued.notBefore ?? 0);
    await core.outbox.drain();
    expect(server.repliesReceived()).toHaveLength(1);
    expect((await core.call('outbox.list', { scope: 'all', conversationId: conversation!.id }))[0]).toMatchObject({ state: 'queued' });

    core.now.value += 1_000;
    await core.outbox.drain();
    // The second attempt read the brand's posts first, found the reply and posted nothing more.
    expect(server.received('GET', `/2/users/${BRAND_USER.id}/tweets`)).toHaveLength(1);
    expect(server.repliesReceived().map((post) => post.text)).toEqual(['@marie_tremblay Oui, à Lévis aussi!']);
    const thread = await core.call('conversations.get', { id: conversation!.id });
    expect(thread.messages.filter((message) => message.direction === 'out').map((message) => message.externalId)).toEqual([server.repliesReceived()[0]!.id]);
  });
});

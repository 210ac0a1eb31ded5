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

describe('X through a real core', () => {
  it('syncs mentions and DMs into conversations, a reply in the thread of the mention it answers, and shows the month’s spend', async () => {
    server = await XContractServer.start({ clientId: X_APP.clientId });
    const now = Date.now();
    const first = server.addPost(mentionPost({ id: snowflake(now - 120_000, 1), author: SEEDED_AUTHORS[0]!, text: 'Vous ouvrez à quelle heure demain?', lang: 'fr', at: now - 120_000 }));
    server.addPost(mentionPost({ id: snowflake(now - 60_000, 2), author: SEEDED_AUTHORS[2]!, text: 'Moi aussi je veux savoir 🙏', lang: 'fr', at: now - 60_000, parent: first }));
    server.addDm(SEEDED_AUTHORS[1]!, 'Hi! Do you ship to Ottawa?', now - 30_000);
    const secret = encodeXSecret({ ...server.oauth.issue(), userId: BRAND_USER.id, username: BRAND_USER.username });
    // The signed-in account handed to the accounts service as a finished sign-in would (accounts.finishOAuth wires the real one).
    dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-x-'));
    core = createTestCore({
      dataDir,
      keyProviders: [keyFileKeyProvider(dataDir)],
      startAt: now,
      log: memoryLog().log,
      platforms: { factories: { x: xPlatform.factory(server.url) }, signIns: { bluesky: async () => ({ platform: 'x', externalId: BRAND_USER.id, handle: '@brulerie', name: 'Brûlerie du Quai', server: null, secret }) } },
    });
    const account = await core.call('accounts.connectBluesky', { identifier: 'brulerie', appPassword: 'unused' });
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
});

import { afterEach, describe, expect, it } from 'vitest';
import { runSyncPass } from '../../sync/syncPass';
import { addAccount } from '../../testing/itemBuilder';
import { createTestCore, type TestCore } from '../../testing/testCore';
import type { Connector } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { openContractConnector } from './contract/facebookTestKit';

// A Page synced from the contract server into a real core (SQLite, ingest, the sync pass the
// engine runs), then read as the inbox reads it: comment threads with their post, Messenger
// conversations with their person's last message for the reply window.

const DAY_MS = 86_400_000;
let server: FacebookContractServer;
let connector: Connector;
let core: TestCore;
afterEach(async () => {
  connector?.close();
  core?.close();
  await server?.close();
});

describe('A Facebook Page synced through a real core', () => {
  it('lands comment threads and Messenger conversations as the inbox shows them; a second pass adds nothing', async () => {
    server = await FacebookContractServer.start();
    server.seed(250);
    connector = openContractConnector(server).connector;
    core = createTestCore();
    const accountId = addAccount(core.context.db, 'facebook', server.page.id);
    const pass = () => runSyncPass(core.context, accountId, connector, { signal: AbortSignal.timeout(20_000), backfillSince: Date.now() - 7 * DAY_MS, onProgress: () => {}, onNotice: () => {} });
    const first = await pass();
    expect(first).toMatchObject({ inserted: 250, rejected: 0 });
    const dms = await core.call('conversations.list', { platform: 'facebook', kind: 'dm', limit: 200 });
    expect(dms.total).toBe(server.conversations.length);
    const detail = await core.call('conversations.get', { id: dms.items[0]!.id });
    const conversation = server.conversations.find((each) => each.messages.some((message) => message.id === detail.messages[0]?.externalId))!;
    expect(detail.messages.map((message) => [message.externalId, message.text, message.direction])).toEqual(
      conversation.messages.map((message) => [message.id, message.message, message.from.id === server.page.id ? 'out' : 'in']),
    );
    const threads = await core.call('conversations.list', { platform: 'facebook', kind: 'comment', limit: 200 });
    const topLevel = server.comments.filter((comment) => comment.parentId === null).length;
    expect(threads.total).toBe(topLevel);
    const thread = await core.call('conversations.get', { id: threads.items[0]!.id });
    expect(thread.post?.text).toMatch(/Nouvelle saison/u);
    expect(await pass()).toMatchObject({ inserted: 0, duplicates: 0 });
  });
});

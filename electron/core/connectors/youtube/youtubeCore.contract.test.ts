import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import type { SignedIn } from '../signIn';
import { addAccount } from '../../testing/itemBuilder';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { ManualTimers } from '../../testing/manualTimers';
import { memoryLog } from '../../testing/memoryLog';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { YoutubeContractServer } from './contract/youtubeContractServer';
import { BACKEND_ERROR, BRAND_CHANNEL } from './contract/youtubeResources';
import { signedInSecret, YOUTUBE_ACCOUNT } from './contract/youtubeTestKit';
import { TEST_APP } from './contract/youtubeTokenDesk';
import { youtubePlatform } from './youtubePlatform';

// A YouTube channel synced through a real core into SQLite, read back as the inbox reads it.

let server: YoutubeContractServer;
let core: TestCore | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  core?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('A YouTube channel in a real core', () => {
  it('lands its comment threads as conversations, replies and held comments included, and a second pass adds only what is new', async () => {
    server = await YoutubeContractServer.start();
    dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-youtube-'));
    const top = server.addComment({ text: 'Vous livrez à Québec? 🚚', publishedAt: Date.now() - 3_600_000 });
    server.addComment({ text: 'Moi aussi je veux savoir', threadId: top.id, publishedAt: Date.now() - 1_800_000, authorChannelId: 'UCfan0000000000000000002', authorDisplayName: '@lucgagnon' });
    const held = server.addComment({ text: 'Free followers http://spam.example', publishedAt: Date.now() - 600_000, moderationStatus: 'heldForReview' });
    const signedIn: SignedIn = { platform: 'youtube', externalId: BRAND_CHANNEL.id, handle: BRAND_CHANNEL.customUrl, name: BRAND_CHANNEL.title, server: null, secret: signedInSecret(server, Date.now()) };
    core = createTestCore({
      dataDir,
      startAt: Date.now(),
      log: memoryLog().log,
      keyProviders: [keyFileKeyProvider(dataDir)],
      // Until the accounts part's OAuth sign-in is wired, the app-password slot hands the signed-in channel to the accounts service.
      platforms: { factories: { youtube: youtubePlatform.factory(server.url) }, signIns: { bluesky: async () => signedIn } },
      sync: { timers: new ManualTimers(), random: () => 0.5 },
    });
    const account = await core.call('accounts.connectBluesky', { identifier: 'unused', appPassword: 'unused' });
    expect(account).toMatchObject({ platform: 'youtube', handle: BRAND_CHANNEL.customUrl, state: 'connected' });

    expect(await core.call('accounts.syncNow', { id: account.id })).toMatchObject({ inserted: 3, rejected: 0 });
    const conversations = await core.call('conversations.list', { accountId: account.id });
    expect(conversations.items.map((conversation) => conversation.kind).sort()).toEqual(['comment', 'comment']);
    const details = await Promise.all(conversations.items.map((conversation) => core!.call('conversations.get', { id: conversation.id })));
    const detail = details.find((each) => each.messages[0]?.text === top.text)!;
    expect(detail.messages.map((message) => [message.text, message.direction])).toEqual([
      ['Vous livrez à Québec? 🚚', 'in'],
      ['Moi aussi je veux savoir', 'in'],
    ]);
    expect(detail.post).toMatchObject({ externalId: top.videoId, permalink: `https://www.youtube.com/watch?v=${top.videoId}` });
    const heldDetail = details.find((each) => each.messages[0]?.text === held.text)!;
    expect(heldDetail.messages[0]).toMatchObject({ text: 'Free followers http://spam.example', isHidden: true });

    server.addComment({ text: 'Merci pour la réponse!', threadId: top.id, publishedAt: Date.now() - 1_000 });
    expect(await core.call('accounts.syncNow', { id: account.id })).toMatchObject({ inserted: 1, duplicates: 0 });
    expect((await core.call('conversations.get', { id: detail.id })).messages.map((message) => message.text).at(-1)).toBe('Merci pour la réponse!');
  });

  it('sends a reply once through the outbox when YouTube took it but its answer was lost: the retry finds it in the thread', async () => {
    server = await YoutubeContractServer.start();
    server.addComment({ text: 'Vous livrez à Québec?', publishedAt: Date.now() - 60_000 });
    core = createTestCore({ startAt: Date.now(), outbox: { backoff: { baseMs: 20, maxMs: 50, maxAttempts: 8 }, random: () => 0.5 } });
    const accountId = addAccount(core.context.db, 'youtube', BRAND_CHANNEL.id);
    let isAnswerLost = true;
    // YouTube posts the reply, then the answer never arrives as it was (a 503 on the way back).
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!(isAnswerLost && init?.method === 'POST' && String(input).includes('/youtube/v3/comments?'))) return response;
      isAnswerLost = false;
      return new Response(JSON.stringify(BACKEND_ERROR.body), { status: 503 });
    };
    const now = () => core!.now.value;
    const connector = await youtubePlatform.factory(server.url).open(YOUTUBE_ACCOUNT, signedInSecret(server, now()), { now, fetch: losingFetch, saveSecret: async () => {}, app: TEST_APP, usage: memoryUsageMeter() });
    core.context.connectors.register(accountId, connector);
    const page = await connector.sync({ cursors: {}, signal: AbortSignal.timeout(5_000), backfillSince: now() - 86_400_000, recheck: [] });
    core.context.ingest({ accountId, source: 'test', items: page.items });
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [conversation] = (await core.call('conversations.list', { accountId })).items;
    const queued = await core.call('outbox.send', { conversationId: conversation!.id, text: 'Oui, les mardis et les vendredis.', idempotencyKey: 'composer-0001', when: { kind: 'now' } });

    // The core's clock is the test's: time moves on as the retries wait for it.
    await expect
      .poll(async () => {
        core!.now.value += 1_000;
        return (await core!.call('outbox.list', { scope: 'all' })).find((item) => item.id === queued.id);
      }, { timeout: 5_000 })
      .toMatchObject({ state: 'sent' });
    expect(server.repliesReceived().map((reply) => reply.text)).toEqual(['Oui, les mardis et les vendredis.']);
    expect(server.received('POST', '/youtube/v3/comments')).toHaveLength(1);
    // The retry asked the thread first (findSent) instead of posting again.
    expect(server.received('GET', '/youtube/v3/comments').some((request) => request.query.has('parentId'))).toBe(true);
    const messages = (await core.call('conversations.get', { id: conversation!.id })).messages;
    expect(messages.filter((message) => message.direction === 'out').map((message) => message.externalId)).toEqual([server.repliesReceived()[0]!.id]);
  });
});

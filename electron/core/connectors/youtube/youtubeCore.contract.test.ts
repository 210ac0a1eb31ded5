import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedIn } from '../signIn';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { ManualTimers } from '../../testing/manualTimers';
import { memoryLog } from '../../testing/memoryLog';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { YoutubeContractServer } from './contract/youtubeContractServer';
import { BRAND_CHANNEL } from './contract/youtubeResources';
import { signedInSecret } from './contract/youtubeTestKit';
import { youtubePlatform } from './youtubePlatform';

// A YouTube channel synced through a real core into SQLite, read back as the inbox reads it.

let server: YoutubeContractServer;
let core: TestCore | undefined;
let dataDir: string;
afterEach(async () => {
  core?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
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
});

import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import type { ModerationAction, ReplyRequest, SyncRequest } from '../connector';
import { YoutubeContractServer } from './contract/youtubeContractServer';
import { AUTH_ERROR, BACKEND_ERROR, BRAND_CHANNEL, googleError, QUOTA_EXCEEDED, RATE_LIMITED } from './contract/youtubeResources';
import { openYoutube } from './contract/youtubeTestKit';
import type { YoutubeRef } from './youtubeRef';
import { decodeYoutubeSecret } from './youtubeSecret';

// Replies, findSent, moderation, Google's errors and the quota, against the YouTube contract server.

const NOW = Date.parse('2026-12-05T18:00:00.000Z');
const NEXT_PACIFIC_MIDNIGHT = Date.parse('2026-12-06T08:00:00.000Z');
let server: YoutubeContractServer;
afterEach(() => server?.close());

const signal = () => AbortSignal.timeout(10_000);
const syncRequest = (overrides: Partial<SyncRequest> = {}): SyncRequest => ({ cursors: {}, signal: signal(), backfillSince: NOW - 86_400_000, recheck: [], ...overrides });

async function withComment() {
  server = await YoutubeContractServer.start({ now: () => NOW });
  const top = server.addComment({ text: 'Vous livrez à Québec?', publishedAt: NOW - 60_000 });
  const kit = openYoutube(server, { now: () => NOW });
  const [item] = (await kit.connector.sync(syncRequest())).items as IncomingItemInput[];
  return { ...kit, top, item: item! };
}

const reply = (item: IncomingItemInput, text: string): ReplyRequest => ({
  threadExternalId: item.threadExternalId,
  threadRef: item.ref ?? null,
  inReplyToExternalId: item.externalId,
  inReplyToRef: item.ref ?? null,
  kind: 'comment',
  text,
  idempotencyKey: 'outbox-1',
  messagingTag: null,
});

describe('YouTube replies and moderation on the contract server', () => {
  it('answers in the thread with comments.insert, and findSent finds that reply again (and only that one)', async () => {
    const { connector, item, top } = await withComment();
    const sent = await connector.reply(reply(item, 'Oui, les mardis!'), signal());
    expect(server.requests.find((each) => each.method === 'POST')).toMatchObject({ path: '/youtube/v3/comments', body: { snippet: { parentId: top.id, textOriginal: 'Oui, les mardis!' } } });
    expect(server.repliesReceived()).toHaveLength(1);
    expect(sent).toMatchObject({ externalId: server.repliesReceived()[0]!.id, permalink: expect.stringContaining(`lc=${encodeURIComponent(sent.externalId)}`), ref: { thread: top.id } });
    expect(connector.idempotencyWindowMs).toBe(0);
    await expect(connector.findSent(reply(item, 'Oui,  les mardis!\n'), signal())).resolves.toMatchObject({ externalId: sent.externalId });
    await expect(connector.findSent(reply(item, 'Non.'), signal())).resolves.toBeNull();
    await expect(connector.reply({ ...reply(item, 'x'), kind: 'dm' }, signal())).rejects.toMatchObject({ kind: 'permanent' });
    expect(connector.limitsView().cannot).toEqual(['youtube_no_dms']);
  });

  it('says in words why YouTube refused a reply', async () => {
    const { connector, item, top } = await withComment();
    server.thread(top.id)!.canReply = false;
    await expect(connector.reply(reply(item, 'Bonjour'), signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('does not let this channel answer') });
    server.failures.add((each) => each.method === 'POST', googleError(403, 'commentsDisabled', 'The video identified by the videoId parameter has disabled comments.'));
    await expect(connector.reply(reply(item, 'Bonjour'), signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('comments are turned off') });
  });

  it('holds, publishes, rejects, bans and deletes its own reply, each twice without harm; refuses what YouTube cannot do', async () => {
    const { connector, item, top } = await withComment();
    const moderate = (action: ModerationAction, ref = item.ref as YoutubeRef) =>
      connector.moderate({ action, messageExternalId: ref.id, messageRef: ref, authorExternalId: ref.author, undoRef: null, reason: null }, signal());
    expect(connector.moderation).toEqual(['hide', 'unhide', 'delete', 'delete_own', 'block_author']);
    await moderate('hide');
    await moderate('hide');
    expect(server.comment(top.id)?.moderationStatus).toBe('heldForReview');
    await moderate('unhide');
    expect(server.comment(top.id)?.moderationStatus).toBe('published');
    await moderate('delete');
    await moderate('delete');
    expect(server.comment(top.id)?.moderationStatus).toBe('rejected');
    await expect(moderate('unhide')).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('operationNotSupported') });
    await moderate('block_author');
    expect(server.banned).toEqual(new Set([top.authorChannelId]));
    expect(server.requests.filter((each) => each.path.endsWith('/setModerationStatus')).at(-1)?.query.toString()).toBe(`id=${top.id}&moderationStatus=rejected&banAuthor=true`);
    await expect(moderate('mute_author')).rejects.toMatchObject({ kind: 'permanent' });
    await expect(moderate('delete_own')).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('own replies') });

    server.comment(top.id)!.moderationStatus = 'published';
    const sent = await connector.reply(reply(item, 'Merci!'), signal());
    await moderate('delete_own', sent.ref as YoutubeRef);
    await moderate('delete_own', sent.ref as YoutubeRef);
    expect(server.repliesReceived()).toEqual([]);
    expect(server.received('DELETE', '/youtube/v3/comments')).toHaveLength(2);
  });

  it('renews an expired token, saves it first and goes on; a revoked grant is auth', async () => {
    const { connector, saved } = await withComment();
    server.tokens.expireAccessTokens();
    await expect(connector.sync(syncRequest())).resolves.toMatchObject({ items: expect.any(Array) });
    expect(server.tokens.refreshes).toBe(1);
    expect(decodeYoutubeSecret(saved[0]!)).toMatchObject({ channelId: BRAND_CHANNEL.id, expiresAt: NOW + 3_599_000, refreshToken: expect.stringMatching(/^1\/\/0g/) });
    server.tokens.revoke();
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'auth' });
  });

  it('asks to reconnect when the token expired and the person’s Google app is no longer set', async () => {
    server = await YoutubeContractServer.start({ now: () => NOW });
    const { connector } = openYoutube(server, { now: () => NOW, app: null });
    server.tokens.expireAccessTokens();
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('client id') });
    expect(server.tokens.refreshes).toBe(0);
  });

  it('renews a token before it expires rather than after', async () => {
    server = await YoutubeContractServer.start({ now: () => NOW });
    const clock = { now: NOW };
    const { connector } = openYoutube(server, { now: () => clock.now });
    clock.now = NOW + 3_600_000 - 60_000;
    await connector.sync(syncRequest());
    expect(server.tokens.refreshes).toBe(1);
    expect(server.requests.filter((each) => each.path.startsWith('/youtube/')).every((each) => server.tokens.isValid(each.headers.authorization))).toBe(true);
  });

  it('maps quotaExceeded to a pause until midnight Pacific, rateLimitExceeded to a short one, 5xx to a retry, a 401 after renewal to auth', async () => {
    const { connector } = await withComment();
    const threads = (each: { path: string }) => each.path === '/youtube/v3/commentThreads';
    server.failures.add(threads, RATE_LIMITED);
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    expect(connector.limitsView().rateLimit).toEqual({ remaining: 0, limit: null, resetsAt: NOW + 60_000 });
    server.failures.add(threads, BACKEND_ERROR);
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'transient' });
    server.failures.add(threads, AUTH_ERROR, 2);
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'auth' });
    server.failures.add(threads, QUOTA_EXCEEDED);
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: NEXT_PACIFIC_MIDNIGHT - NOW });
    // Until then nothing is even tried: every call would cost a unit for nothing.
    const before = server.requests.length;
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(server.requests.length).toBe(before);
    expect(connector.limitsView().budget).toMatchObject({ isSlowed: true, resetsAt: NEXT_PACIFIC_MIDNIGHT });
  });

  it('counts what each call costs as Google does, skips polling past 80% and keeps replies in reserve', async () => {
    server = await YoutubeContractServer.start({ now: () => NOW });
    const top = server.addComment({ text: 'Question?', publishedAt: NOW - 60_000 });
    const usage = memoryUsageMeter();
    const { connector } = openYoutube(server, { now: () => NOW, usage });
    const [item] = (await connector.sync(syncRequest())).items as IncomingItemInput[];
    await connector.reply(reply(item!, 'Réponse'), signal());
    expect(usage.periods.get('2026-12-05')).toBe(server.unitsUsed);
    expect(connector.limitsView().budget).toEqual({ unit: 'quota_units', used: server.unitsUsed, limit: 10_000, resetsAt: NEXT_PACIFIC_MIDNIGHT, isSlowed: false });

    usage.add('2026-12-05', 8_000);
    const polls = [];
    for (let pass = 0; pass < 4; pass++) {
      const before = server.requests.length;
      await connector.sync(syncRequest({ cursors: { threads: String(top.publishedAt) } }));
      polls.push(server.requests.length > before);
    }
    expect(polls).toEqual([false, false, false, true]);
    expect(connector.limitsView().budget?.isSlowed).toBe(true);
    usage.add('2026-12-05', 9_600 - usage.spent('2026-12-05'));
    const before = server.requests.length;
    await connector.sync(syncRequest({ cursors: { threads: String(top.publishedAt) } }));
    await connector.sync(syncRequest({ cursors: { threads: String(top.publishedAt) } }));
    await connector.sync(syncRequest({ cursors: { threads: String(top.publishedAt) } }));
    await connector.sync(syncRequest({ cursors: { threads: String(top.publishedAt) } }));
    expect(server.requests.length).toBe(before);
    await expect(connector.reply(reply(item!, 'Encore une'), signal())).resolves.toMatchObject({ externalId: expect.any(String) });
  });

  it('checks the account with two read-only calls', async () => {
    const { connector } = await withComment();
    const before = server.requests.length;
    await expect(connector.check(signal())).resolves.toEqual([
      { step: 'channel', ok: true, detail: `${BRAND_CHANNEL.title} (${BRAND_CHANNEL.customUrl})` },
      { step: 'comments', ok: true, detail: '1 comment thread(s) readable' },
    ]);
    expect(server.requests.slice(before).map((each) => each.method)).toEqual(['GET', 'GET']);
  });
});

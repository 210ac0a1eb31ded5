import { afterEach, describe, expect, it } from 'vitest';
import { replyRequest, syncRequest } from '../../testing/snacMastodon';
import type { Connector, ModerationRequest } from '../connector';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { openRedditConnector, REDDIT_ACCOUNT, signedInSecret } from './contract/openRedditConnector';
import { redditPlatform } from './redditPlatform';
import type { RedditContractServer } from './contract/redditContractServer';
import { BRAND, commentMessage, privateMessage, SEED_END_S } from './contract/redditFixtures';
import type { RedditRef } from './redditRef';

// Replies and moderation against the contract server: what it received is the platform's log.

let server: RedditContractServer;
let connector: Connector;
afterEach(async () => {
  connector.close();
  await server.close();
});

const commentRef: RedditRef = { name: 't1_c1', author: 'tremblay_j', subreddit: 'montreal', thread: 't3_o285jq' };
const messageRef: RedditRef = { name: 't4_pm1', author: 'sarah_g', subreddit: null, thread: 't4_pm1' };

async function open(): Promise<void> {
  ({ server, connector } = await openRedditConnector());
  server.arrive(commentMessage('c1', { createdS: SEED_END_S }));
  server.arrive(privateMessage('pm1', { createdS: SEED_END_S + 1 }));
  server.arrive(commentMessage('c2', { createdS: SEED_END_S + 2, subreddit: 'quebec', author: 'gagnon-p' }));
}

const comment = (text: string) => replyRequest({ kind: 'comment', inReplyToExternalId: 't1_c1', inReplyToRef: commentRef, threadExternalId: 't3_o285jq', text });
const moderation = (action: ModerationRequest['action'], ref: RedditRef = commentRef): ModerationRequest => ({ action, messageExternalId: ref.name, messageRef: ref, authorExternalId: 't2_x', undoRef: null, reason: null });

describe('Reddit replies', () => {
  it('answers a comment with POST /api/comment (thing_id, text, api_type=json); findSent finds it afterwards and not before', async () => {
    await open();
    const request = comment('Merci! On ouvre à 8 h le dimanche ☕️');
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toBeNull();
    const sent = await connector.reply(request, AbortSignal.timeout(5_000));
    expect(server.received('POST', '/api/comment').map((call) => call.body)).toEqual([{ api_type: 'json', thing_id: 't1_c1', text: 'Merci! On ouvre à 8 h le dimanche ☕️' }]);
    expect(sent).toMatchObject({ externalId: expect.stringMatching(/^t1_/), permalink: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/montreal\/comments\/o285jq\//), ref: { author: BRAND.name, thread: 't3_o285jq' } });
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toEqual(sent);
    expect(server.received('GET', `/user/${BRAND.name}/comments`).at(-1)?.query.get('sort')).toBe('new');
  });

  it('answers a private message in its thread, and findSent reads /message/sent for it', async () => {
    await open();
    const request = replyRequest({ kind: 'dm', inReplyToExternalId: null, inReplyToRef: null, threadRef: messageRef, threadExternalId: 't4_pm1', text: 'Yes, we ship everywhere in Québec.' });
    const sent = await connector.reply(request, AbortSignal.timeout(5_000));
    expect(sent.externalId).toMatch(/^t4_/);
    expect(server.sent[0]?.data).toMatchObject({ parent_id: 't4_pm1', body: 'Yes, we ship everywhere in Québec.' });
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toEqual(sent);
  });

  it('a reply whose answer is lost after Reddit took it is transient, and findSent then finds it rather than a second post', async () => {
    ({ server } = await openRedditConnector());
    server.arrive(commentMessage('c1', { createdS: SEED_END_S }));
    // The connection drops once Reddit has the reply, before its answer arrives.
    const cutAfterPost: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && String(input).includes('/api/comment')) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return response;
    };
    connector = await redditPlatform.factory(server.url).open(REDDIT_ACCOUNT, signedInSecret(server), { fetch: cutAfterPost, now: Date.now, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() });
    const request = comment('Bonne question, on vérifie!');
    await expect(connector.reply(request, AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'transient' });
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toMatchObject({ externalId: expect.stringMatching(/^t1_/) });
    expect(server.received('POST', '/api/comment')).toHaveLength(1);
  });

  it('says why Reddit refused: a locked thread is permanent, a deleted comment is gone, RATELIMIT waits as long as its sentence says', async () => {
    await open();
    server.locked.add('t3_o285jq');
    await expect(connector.reply(comment('Bonjour'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('the thread is locked') });
    server.locked.clear();
    server.comments.get('t1_c1')!.deleted = true;
    await expect(connector.reply(comment('Bonjour'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'not_found' });
    server.comments.get('t1_c1')!.deleted = false;
    server.failures.add((request) => request.path === '/api/comment', { body: { json: { errors: [['RATELIMIT', "Looks like you've been doing that a lot. Take a break for 9 minutes before trying again.", 'ratelimit']] } } });
    await expect(connector.reply(comment('Bonjour'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 540_000 });
  });
});

describe('Reddit moderation', () => {
  it('removes (hide), removes as spam, approves (unhide), blocks the author and reports, each as Reddit’s reference names it', async () => {
    await open();
    await connector.sync(syncRequest({ backfillSince: 0 }));
    expect(connector.moderation).toEqual(expect.arrayContaining(['hide', 'unhide', 'mark_spam', 'block_author', 'report', 'delete_own']));
    for (const action of ['hide', 'hide', 'mark_spam', 'unhide', 'block_author', 'report'] as const) await connector.moderate(moderation(action), AbortSignal.timeout(5_000));
    const form = (path: string) => server.received('POST', path).map((call) => call.body);
    expect(form('/api/remove')).toEqual([{ id: 't1_c1', spam: 'false' }, { id: 't1_c1', spam: 'false' }, { id: 't1_c1', spam: 'true' }]);
    expect(form('/api/approve')).toEqual([{ id: 't1_c1' }]);
    expect(form('/api/block')).toEqual([{ id: 't1_c1' }]);
    expect(form('/api/report')).toEqual([{ api_type: 'json', thing_id: 't1_c1', reason: 'Reported from Pieuvre' }]);
    expect(server.removed.has('t1_c1')).toBe(false);
    expect(server.blocked).toEqual(new Set(['tremblay_j']));
  });

  it('refuses removal where the account is not a moderator, and offers none when it moderates nothing', async () => {
    await open();
    await expect(connector.moderate(moderation('hide', { ...commentRef, name: 't1_c2', subreddit: 'quebec' }), AbortSignal.timeout(5_000))).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('not a moderator of r/quebec'),
    });
    expect(server.received('POST', '/api/remove')).toEqual([]);
    await connector.moderate(moderation('block_author', messageRef), AbortSignal.timeout(5_000));
    expect(server.blocked).toEqual(new Set(['sarah_g']));

    connector.close();
    await server.close();
    await open();
    server.moderated = new Set();
    await connector.sync(syncRequest({ backfillSince: 0 }));
    expect(connector.moderation).not.toContain('hide');
  });

  it('deletes the brand’s own reply, and deleting it again is done', async () => {
    await open();
    const sent = await connector.reply(comment('Oups, mauvais fil'), AbortSignal.timeout(5_000));
    const own = moderation('delete_own', sent.ref as RedditRef);
    await connector.moderate(own, AbortSignal.timeout(5_000));
    await connector.moderate(own, AbortSignal.timeout(5_000));
    expect(server.comments.get(sent.externalId)?.deleted).toBe(true);
    await expect(connector.moderate(moderation('delete_own'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent' });
  });
});

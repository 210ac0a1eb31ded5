import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { ModerationRequest } from '../connector';
import { BRAND_USER, mentionPost, SEEDED_AUTHORS, snowflake } from './contract/xContractData';
import { xReplyRequest, xSyncRequest } from './contract/xTestKit';
import { xWorldPerTest } from './contract/xWorldPerTest';
import { X_PRICES_USD } from './xPricing';

// Replies, DMs, findSent and moderation against the X contract server: what X received is
// its request log and its posts.

const NOW = Date.parse('2026-12-05T12:00:00.000Z');
const { open, current } = xWorldPerTest(NOW);

const signal = () => AbortSignal.timeout(10_000);
const [marie, john] = SEEDED_AUTHORS;

/** The brand's world: a post of its own, a mention answering it, a quote of it, and a reply that does not summon it. */
async function withThread() {
  const world = await open();
  const { server, connector } = world;
  const own = server.addPost({ ...mentionPost({ id: snowflake(NOW - 7_200_000, 1), author: BRAND_USER, text: 'Notre nouveau café est arrivé!', at: NOW - 7_200_000, mentionsBrand: false }) });
  const mention = server.addPost(mentionPost({ id: snowflake(NOW - 3_600_000, 2), author: marie!, text: 'Il est délicieux 😍', lang: 'fr', at: NOW - 3_600_000, parent: own }));
  const quote = server.addPost({ ...mentionPost({ id: snowflake(NOW - 1_800_000, 3), author: john!, text: 'Look at this', at: NOW - 1_800_000, mentionsBrand: false }), referenced_tweets: [{ type: 'quoted', id: own.id }] });
  const silent = server.addPost({ ...mentionPost({ id: snowflake(NOW - 900_000, 4), author: john!, text: 'I agree with Marie', at: NOW - 900_000, parent: mention, mentionsBrand: false }) });
  // The quote reaches the brand's mentions only through the quoted post's expansion: served as X would, by hand.
  const page = await connector.sync(xSyncRequest());
  return { server, connector, own, mention, quote, silent, items: page.items as IncomingItemInput[] };
}

describe('X replies and moderation on the contract server', () => {
  it('answers a mention in its thread, posts it once, and findSent finds it again by its words (with X’s @prefix and t.co links)', async () => {
    const { server, connector, mention, items } = await withThread();
    const item = items.find((candidate) => candidate.externalId === mention.id)!;
    expect(item.ref).toMatchObject({ isSummoned: true });
    const request = xReplyRequest({ inReplyToExternalId: mention.id, inReplyToRef: item.ref!, threadExternalId: item.threadExternalId, text: 'Merci Marie! Voyez https://brulerie.example/cafe ☕' });
    expect(await connector.findSent(request, signal())).toBeNull();
    const sent = await connector.reply(request, signal());
    expect(server.received('POST', '/2/tweets').map((call) => call.body)).toEqual([{ text: request.text, reply: { in_reply_to_tweet_id: mention.id } }]);
    expect(sent).toMatchObject({ externalId: server.repliesReceived()[0]!.id, permalink: `https://x.com/brulerie/status/${sent.externalId}` });
    // X gives the reply back as "@marie_tremblay Merci…", its link as X stores it: still the same reply.
    server.repliesReceived()[0]!.text = server.repliesReceived()[0]!.text.replace('https://brulerie.example/cafe', 'https://t.co/Zx81Qa');
    expect(await connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    expect(await connector.findSent({ ...request, text: 'Autre chose' }, signal())).toBeNull();
    // A link makes it a post "with URL": US$0.20 counted, not the summoned reply's US$0.01.
    expect(current().usage.periods.get('2026-12')).toBeGreaterThanOrEqual(X_PRICES_USD.postCreateWithUrl);
  });

  it('a quote of the brand is answerable; a reply that neither mentions nor quotes it is refused before it costs anything, and X’s own 403 is said in words', async () => {
    const { server, connector, silent, own } = await withThread();
    const quoteRef = { id: snowflake(NOW - 1_800_000, 3), authorId: john!.id, conversationId: snowflake(NOW - 1_800_000, 3), isSummoned: true };
    await connector.reply(xReplyRequest({ inReplyToRef: quoteRef, text: 'Thanks John!' }), signal());
    expect(server.repliesReceived()).toHaveLength(1);

    const silentRef = { id: silent.id, authorId: john!.id, conversationId: own.id, isSummoned: false };
    await expect(connector.reply(xReplyRequest({ inReplyToRef: silentRef, text: 'Merci!' }), signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('mentioned @brulerie or quoted') });
    expect(server.received('POST', '/2/tweets')).toHaveLength(1);
    // Should the stored ref be wrong, X itself refuses: the reason reaches the person.
    await expect(connector.reply(xReplyRequest({ inReplyToRef: { ...silentRef, isSummoned: true }, text: 'Merci!' }), signal())).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('not allowed because you have not been mentioned'),
    });
  });

  it('answers a DM in its conversation and findSent finds it only since the person last wrote', async () => {
    const world = await open();
    const { server, connector } = world;
    const dm = server.addDm(john!, 'Do you deliver to Laval?', NOW - 60_000);
    const [item] = (await connector.sync(xSyncRequest())).items as IncomingItemInput[];
    const request = xReplyRequest({ kind: 'dm', threadExternalId: item!.threadExternalId, threadRef: item!.ref!, inReplyToRef: null, text: 'Oui, partout à Laval!' });
    expect(await connector.findSent(request, signal())).toBeNull();
    const sent = await connector.reply(request, signal());
    expect(server.received('POST', `/2/dm_conversations/${dm.dm_conversation_id}/messages`).map((call) => call.body)).toEqual([{ text: 'Oui, partout à Laval!' }]);
    expect(await connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    server.addDm(john!, 'Merci!', NOW + 1);
    expect(await connector.findSent(request, signal())).toBeNull();
  });

  it('hides and shows again a reply in the brand’s conversation, mutes and unmutes its author, deletes its own post; each twice gives the same', async () => {
    const { server, connector, mention, own } = await withThread();
    expect(connector.moderation).toEqual(['hide', 'unhide', 'delete_own', 'mute_author', 'unmute_author']);
    const ref = { id: mention.id, authorId: marie!.id, conversationId: own.id, isSummoned: true };
    const act = (action: ModerationRequest['action'], messageRef = ref) => connector.moderate({ action, messageExternalId: messageRef.id, messageRef, authorExternalId: messageRef.authorId, undoRef: null, reason: null }, signal());
    await act('hide');
    await act('hide');
    expect(server.hidden.get(mention.id)).toBe(true);
    await act('unhide');
    expect(server.hidden.get(mention.id)).toBe(false);
    expect(server.received('PUT', `/2/tweets/${mention.id}/hidden`).map((call) => call.body)).toEqual([{ hidden: true }, { hidden: true }, { hidden: false }]);

    await act('mute_author');
    await act('mute_author');
    expect(server.received('POST', `/2/users/${BRAND_USER.id}/muting`).map((call) => call.body)).toEqual([{ target_user_id: marie!.id }, { target_user_id: marie!.id }]);
    expect(server.muted.has(marie!.id)).toBe(true);
    await act('unmute_author');
    expect(server.muted.has(marie!.id)).toBe(false);

    const ownRef = { id: own.id, authorId: BRAND_USER.id, conversationId: own.id, isSummoned: false };
    await act('delete_own', ownRef);
    await act('delete_own', ownRef);
    expect(server.posts.some((post) => post.id === own.id)).toBe(false);
    await expect(act('delete_own')).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('own posts') });
    await expect(act('block_author')).rejects.toMatchObject({ kind: 'permanent' });
    // A mention in someone else's conversation: X answers that only the conversation's author may hide its replies.
    await expect(act('hide', { ...ref, id: snowflake(NOW - 1_800_000, 3) })).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('conversations you authored') });
  });
});

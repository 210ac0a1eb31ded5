import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyRequest } from '../connector';
import { DAY_MS, startInstagramKit, syncAll } from './contract/instagramTestKit';
import { BRAND } from './contract/instagramWorld';

// Instagram's private replies against the contract server ("Send a Private Reply to a
// Commenter"): one message to the comment's author, `recipient: { comment_id }`, within 7 days;
// findSent finds it in the author's conversation with the account (Get Conversations, `user_id`).

let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(() => kit.close());

const signal = () => AbortSignal.timeout(10_000);
const PERSON = { id: '6000000000000077', username: 'lea.b' };

async function aComment() {
  kit = await startInstagramKit();
  const media = kit.server.world.addMedia('Promo du samedi ☕', kit.clock.now - 2 * DAY_MS);
  const comment = kit.server.world.addComment(media, 'C’est où exactement?', kit.clock.now - DAY_MS, PERSON);
  const run = await syncAll(kit.connector, {}, { now: kit.clock.now });
  const item = run.items.find((each) => each.externalId === comment.id);
  if (!item) throw new Error('the comment was not synced');
  const request: ReplyRequest = { threadExternalId: item.threadExternalId as string, threadRef: null, inReplyToExternalId: comment.id, inReplyToRef: item.ref as Record<string, unknown>, kind: 'comment', text: 'On vous écrit l’adresse en privé!', idempotencyKey: 'draft-ig-private', messagingTag: null, privately: true };
  return { comment, request };
}

const sentTo = (personId: string) => kit.server.world.conversations.filter((each) => each.person.id === personId).flatMap((each) => each.messages.filter((message) => message.fromId === BRAND.userId).map((message) => message.text));

describe('Instagram private replies against the contract server', () => {
  it('sends one message to the comment’s author, which findSent finds after and not before; a second is refused', async () => {
    const { comment, request } = await aComment();
    expect(await kit.connector.findSent(request, signal())).toBeNull();
    const sent = await kit.connector.reply(request, signal());
    expect(kit.server.received('POST', `/v25.0/${BRAND.userId}/messages`).map((each) => each.body)).toEqual([{ recipient: { comment_id: comment.id }, messaging_type: 'RESPONSE', message: { text: 'On vous écrit l’adresse en privé!' } }]);
    expect(sentTo(PERSON.id)).toEqual(['On vous écrit l’adresse en privé!']);
    expect(comment.replies).toEqual([]);
    expect(sent.ref).toEqual({ kind: 'private_reply', commentId: comment.id, createdAt: kit.clock.now });
    expect(await kit.connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    await expect(kit.connector.reply({ ...request, text: 'Encore nous' }, signal())).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('is refused past 7 days after the comment', async () => {
    const { request } = await aComment();
    kit.clock.now += 8 * DAY_MS;
    await expect(kit.connector.reply(request, signal())).rejects.toMatchObject({ kind: 'permanent' });
    expect(sentTo(PERSON.id)).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyRequest } from '../connector';
import { BRAND, type WorldComment, type WorldConversation } from './contract/instagramWorld';
import { DAY_MS, startInstagramKit, syncAll } from './contract/instagramTestKit';

// Replies and moderation against the contract server: what Instagram received is its request
// log and its world; the hidden-comment and messaging-window rules are refused on both sides.

let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(() => kit.close());

const signal = () => AbortSignal.timeout(10_000);
const PERSON = { id: '6000000000000042', username: 'client.fidele' };

async function synced() {
  const run = await syncAll(kit.connector, {}, { now: kit.clock.now });
  return (id: string) => {
    const item = run.items.find((each) => each.externalId === id);
    if (!item) throw new Error(`${id} was not synced`);
    return item;
  };
}

function commentReply(item: Record<string, unknown>, text: string): ReplyRequest {
  return { threadExternalId: item.threadExternalId as string, threadRef: null, inReplyToExternalId: item.externalId as string, inReplyToRef: item.ref as Record<string, unknown>, kind: 'comment', text, idempotencyKey: 'draft-1', messagingTag: null };
}

function dmReply(item: Record<string, unknown>, text: string, messagingTag: 'HUMAN_AGENT' | null = null): ReplyRequest {
  return { threadExternalId: item.threadExternalId as string, threadRef: item.ref as Record<string, unknown>, inReplyToExternalId: null, inReplyToRef: null, kind: 'dm', text, idempotencyKey: 'draft-2', messagingTag };
}

function world() {
  const media = kit.server.world.addMedia('Notre nouveau café ☕', kit.clock.now - 2 * DAY_MS);
  const top = kit.server.world.addComment(media, 'Il est bon?', kit.clock.now - DAY_MS, PERSON);
  const reply = kit.server.world.addComment(media, 'Oui, je confirme!', kit.clock.now - DAY_MS + 60_000, { id: '6000000000000043', username: 'autre' }, top);
  const conversation = kit.server.world.addConversation(PERSON);
  kit.server.world.addMessage(conversation, 'Bonjour, une question sur ma commande', kit.clock.now - 2 * 3_600_000, false);
  return { media, top, reply, conversation };
}

const repliesOf = (top: WorldComment) => top.replies.filter((each) => each.fromId === BRAND.userId);
const sentIn = (conversation: WorldConversation) => conversation.messages.filter((each) => each.fromId === BRAND.userId);

describe('Instagram replies against the contract server', () => {
  it('answers a reply under its top-level comment, and findSent finds it (and only it) afterwards', async () => {
    kit = await startInstagramKit();
    const { top, reply } = world();
    const item = await synced();
    const request = commentReply(item(reply.id), 'Merci à vous deux! 🙏');
    expect(await kit.connector.findSent(request, signal())).toBeNull();
    const sent = await kit.connector.reply(request, signal());
    expect(kit.server.received('POST', `/v25.0/${top.id}/replies`)).toHaveLength(1);
    expect(repliesOf(top).map((each) => each.text)).toEqual(['Merci à vous deux! 🙏']);
    expect(await kit.connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    expect(await kit.connector.findSent({ ...request, text: 'Autre chose' }, signal())).toBeNull();
  });

  it('refuses to answer a hidden comment, and so does Instagram', async () => {
    kit = await startInstagramKit();
    const { top } = world();
    top.hidden = true;
    const item = await synced();
    await expect(kit.connector.reply(commentReply(item(top.id), 'Allô'), signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/hidden comment/u) });
    expect(kit.connector.limits.hiddenCommentsTakeNoReply).toBe(true);
    // Hidden after the sync: the platform itself refuses, with its reason.
    top.hidden = false;
    const shown = await synced();
    top.hidden = true;
    await expect(kit.connector.reply(commentReply(shown(top.id), 'Allô'), signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/Cannot reply to a hidden comment/u) });
    expect(repliesOf(top)).toEqual([]);
  });

  it('sends a DM within 24 hours, tags HUMAN_AGENT up to 7 days, and is refused past them', async () => {
    kit = await startInstagramKit();
    const { conversation } = world();
    const item = await synced();
    const first = conversation.messages[0];
    if (!first) throw new Error('a message expected');
    const request = dmReply(item(first.id), 'Bonjour! On regarde ça tout de suite.');
    const sent = await kit.connector.reply(request, signal());
    expect(kit.server.received('POST', `/v25.0/${BRAND.userId}/messages`)[0]?.body).toEqual({ recipient: { id: PERSON.id }, message: { text: 'Bonjour! On regarde ça tout de suite.' } });
    expect(await kit.connector.findSent(request, signal())).toMatchObject({ externalId: sent.externalId });
    // The same words again after the person wrote again: the earlier answer is not this one.
    kit.clock.now += 60_000;
    kit.server.world.addMessage(conversation, 'Merci! Et pour le retour?', kit.clock.now - 1_000, false);
    expect(await kit.connector.findSent(request, signal())).toBeNull();
    kit.clock.now += 3 * DAY_MS;
    await expect(kit.connector.reply({ ...request, text: 'Suivi' }, signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/24 hours/u) });
    await kit.connector.reply({ ...request, text: 'Suivi', messagingTag: 'HUMAN_AGENT' }, signal());
    expect(kit.server.received('POST', `/v25.0/${BRAND.userId}/messages`).at(-1)?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    kit.clock.now += 5 * DAY_MS;
    await expect(kit.connector.reply({ ...request, text: 'Trop tard', messagingTag: 'HUMAN_AGENT' }, signal())).rejects.toMatchObject({ kind: 'permanent' });
    expect(sentIn(conversation).map((each) => each.text)).toEqual(['Bonjour! On regarde ça tout de suite.', 'Suivi']);
  });
});

describe('Instagram moderation against the contract server', () => {
  it('hides, shows again and deletes a comment; each again is still a success', async () => {
    kit = await startInstagramKit();
    const { top, reply } = world();
    const item = await synced();
    const moderate = (action: 'hide' | 'unhide' | 'delete', id: string) =>
      kit.connector.moderate({ action, messageExternalId: id, messageRef: item(id).ref as Record<string, unknown>, authorExternalId: PERSON.id, undoRef: null, reason: null }, signal());
    await moderate('hide', top.id);
    await moderate('hide', top.id);
    expect(top.hidden).toBe(true);
    expect(kit.server.received('POST', `/v25.0/${top.id}`).map((request) => request.query.get('hide'))).toEqual(['true', 'true']);
    await moderate('unhide', top.id);
    expect(top.hidden).toBe(false);
    await moderate('delete', reply.id);
    await moderate('delete', reply.id);
    expect(kit.server.world.findComment(reply.id)).toBeNull();
    expect(kit.server.received('DELETE', `/v25.0/${reply.id}`)).toHaveLength(2);
  });

  it('offers only what the API has: no ban, block or report, and nothing on DMs', async () => {
    kit = await startInstagramKit();
    const { conversation } = world();
    const item = await synced();
    expect(kit.connector.moderation).toEqual(['hide', 'unhide', 'delete', 'delete_own']);
    const dm = item(conversation.messages[0]?.id ?? '');
    const base = { messageExternalId: dm.externalId as string, messageRef: dm.ref as Record<string, unknown>, authorExternalId: PERSON.id, undoRef: null, reason: null };
    await expect(kit.connector.moderate({ ...base, action: 'block_author' }, signal())).rejects.toMatchObject({ kind: 'permanent' });
    await expect(kit.connector.moderate({ ...base, action: 'hide' }, signal())).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/comments only/u) });
  });
});

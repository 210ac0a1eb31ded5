import { describe, expect, it } from 'vitest';
import { DemoConnector } from '../connectors/demo/demoConnector';
import { DEMO_MODERATION } from '../connectors/demo/demoModeration';
import { addAccount } from '../testing/itemBuilder';
import { useModerationFixture } from '../testing/moderationFixture';
import { ScriptedConnector } from '../testing/scriptedConnector';

const world = useModerationFixture();
const UNDO_MS = 10_000;

describe('moderation: what each platform allows, checked before queueing', () => {
  it('refuses an action the platform lacks, naming the platform and the action; nothing is queued', async () => {
    world.connect([], ['delete']);
    const refused = await world.tryAct({ action: 'hide', messageIds: [world.messageId('msg-1')] });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Facebook cannot hide a message (its API allows: delete a message).' } });
    expect(await world.core.call('outbox.list', { scope: 'all' })).toEqual([]);
  });

  it('refuses hiding a direct message, our own reply, and a whole bulk when one target fails', async () => {
    const connector = world.connect();
    const dm = await world.tryAct({ action: 'hide', messageIds: [world.messageId('msg-5')] });
    expect(dm.ok ? '' : dm.error.message).toBe('Facebook can hide a message only in public comments, not in a direct message.');
    const own = await world.tryAct({ action: 'delete', messageIds: [world.messageId('msg-4')] });
    expect(own.ok ? '' : own.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/only messages from others are moderated/) });
    const bulk = await world.tryAct({ action: 'hide', conversationIds: [world.conversationId('thread-3'), world.conversationId('dm-1')] });
    expect(bulk.ok).toBe(false);
    await world.core.outbox.drain();
    expect(connector.moderated).toEqual([]);
    expect(await world.core.call('outbox.counts', {})).toEqual({ pending: 0, problems: 0, needsCheck: 0 });
  });

  it('rejects malformed input and unknown targets by name', async () => {
    world.connect();
    const both = await world.tryAct({ action: 'hide', messageIds: ['1'], conversationIds: ['c'] });
    expect(both.ok ? '' : both.error.message).toMatch(/give either messageIds or conversationIds/);
    const tooMany = await world.tryAct({ action: 'hide', messageIds: Array.from({ length: 201 }, (_, n) => String(n + 1)) });
    expect(tooMany.ok ? '' : tooMany.error.code).toBe('invalid_input');
    expect(await world.tryAct({ action: 'hide', messageIds: ['999'] })).toEqual({ ok: false, error: { code: 'not_found', message: 'No message with id 999.' } });
    const missing = await world.tryAct({ action: 'hide', conversationIds: ['nope'] });
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'not_found', message: 'No conversation with id nope.' });
  });

  it('answers the capabilities of each connected account, two accounts of one platform each their own', async () => {
    world.connect([], ['hide', 'unhide']);
    const { core } = world;
    const other = addAccount(core.context.db, 'facebook', 'page-2');
    core.context.connectors.register(other, new ScriptedConnector([], { now: () => core.now.value, moderation: ['delete'] }));
    expect(await core.call('moderation.capabilities', {})).toEqual({ [world.accountId]: ['hide', 'unhide'], [other]: ['delete'] });
  });
});

describe('moderation: the effect of each action, once the platform took it', () => {
  it('hides at once, without the undo delay; unhiding puts it back; both are on the record', async () => {
    const connector = world.connect();
    const [queued] = await world.act({ action: 'hide', messageIds: [world.messageId('msg-1')] });
    expect(queued).toMatchObject({ kind: 'moderation', text: '', moderation: { action: 'hide', messageId: world.messageId('msg-1'), author: 'Fan 1' } });
    await world.core.outbox.drain();
    expect(connector.moderated).toEqual([{ action: 'hide', messageExternalId: 'msg-1', messageRef: null, authorExternalId: 'author-1', undoRef: null, reason: null }]);
    expect(world.flags('msg-1')).toEqual({ is_hidden: 1, is_deleted: 0 });
    expect(world.flags('msg-2')).toEqual({ is_hidden: 0, is_deleted: 0 });
    await world.act({ action: 'unhide', messageIds: [world.messageId('msg-1')] });
    await world.core.outbox.drain();
    expect(world.flags('msg-1')).toEqual({ is_hidden: 0, is_deleted: 0 });
    expect((await world.history('thread-1')).map(({ actor, action, data }) => ({ actor, action, author: data.author }))).toEqual([
      { actor: 'me', action: 'message.hidden', author: 'Fan 1' },
      { actor: 'me', action: 'message.unhidden', author: 'Fan 1' },
    ]);
  });

  it('deletes after the undo delay, flagging the message deleted', async () => {
    const connector = world.connect();
    const [queued] = await world.act({ action: 'delete', messageIds: [world.messageId('msg-2')] });
    expect(queued?.notBefore).toBe(world.core.now.value + UNDO_MS);
    await world.after(UNDO_MS - 1);
    expect(connector.moderated).toEqual([]);
    await world.after(1);
    expect(world.flags('msg-2')).toEqual({ is_hidden: 0, is_deleted: 1 });
    expect((await world.history('thread-1')).map((line) => line.action)).toEqual(['message.deleted']);
    const detail = await world.core.call('conversations.get', { id: world.conversationId('thread-1') });
    expect(detail.messages.map((message) => message.isDeleted)).toEqual([false, true, false]);
  });

  it('pulled back within the undo delay, a deletion never reaches the platform', async () => {
    const connector = world.connect();
    const [queued] = await world.act({ action: 'delete', messageIds: [world.messageId('msg-2')] });
    await world.core.call('outbox.cancel', { id: queued?.id ?? '' });
    await world.after(UNDO_MS);
    expect(connector.moderated).toEqual([]);
    expect(world.flags('msg-2')).toEqual({ is_hidden: 0, is_deleted: 0 });
  });

  it('blocks an author: the contact is marked blocked once the platform did it, the messages stay as they are', async () => {
    const connector = world.connect();
    await world.act({ action: 'block_author', messageIds: [world.messageId('msg-3')] });
    const blockedAt = () => world.core.call('conversations.get', { id: world.conversationId('thread-3') }).then((detail) => [detail.contact.blockedAt, ...detail.messages.map((message) => message.author.blockedAt)]);
    expect(await blockedAt()).toEqual([null, null]);
    await world.after(UNDO_MS);
    expect(await blockedAt()).toEqual([world.core.now.value, world.core.now.value]);
    // Other authors are not.
    expect((await world.core.call('conversations.get', { id: world.conversationId('thread-1') })).contact.blockedAt).toBeNull();
    expect(connector.moderated).toEqual([{ action: 'block_author', messageExternalId: 'msg-3', messageRef: null, authorExternalId: 'author-3', undoRef: null, reason: null }]);
    expect(world.flags('msg-3')).toEqual({ is_hidden: 0, is_deleted: 0 });
    expect(await world.history('thread-3')).toMatchObject([{ actor: 'me', action: 'contact.blocked', data: { author: 'Fan 3', authorExternalId: 'author-3' } }]);
  });

  it('reports spam, even in a DM, and files the conversation under spam here too', async () => {
    world.connect();
    await world.act({ action: 'mark_spam', messageIds: [world.messageId('msg-5')] });
    await world.after(UNDO_MS);
    const detail = await world.core.call('conversations.get', { id: world.conversationId('dm-1') });
    expect(detail.status).toBe('spam');
    expect(detail.activity.map((line) => line.action)).toEqual(['conversation.status', 'message.markedSpam']);
  });
});

describe('moderation: bulk from the list', () => {
  it('acts on the latest message from someone else in each conversation, once however often asked', async () => {
    const connector = world.connect();
    const ids = [world.conversationId('thread-1'), world.conversationId('thread-3')];
    const first = await world.act({ action: 'delete', conversationIds: ids });
    const again = await world.act({ action: 'delete', conversationIds: [...ids].reverse() });
    expect(first.map((item) => item.moderation?.messageId)).toEqual([world.messageId('msg-2'), world.messageId('msg-3')]);
    expect(again.map((item) => item.id)).toEqual(first.map((item) => item.id).reverse());
    await world.after(UNDO_MS);
    expect(connector.moderated.map((request) => request.messageExternalId)).toEqual(['msg-2', 'msg-3']);
    expect([world.flags('msg-1'), world.flags('msg-2'), world.flags('msg-3')].map((flags) => flags?.is_deleted)).toEqual([0, 1, 1]);
  });
});

describe('moderation: the demo platforms', () => {
  it('declares what each platform allows and refuses the rest, through the core', async () => {
    const { core } = world;
    await core.call('demo.start', { seed: 7 });
    const capabilities = await core.call('moderation.capabilities', {});
    const platformOf = (accountId: string) => core.context.connectors.forAccount(accountId).platform;
    expect(Object.keys(capabilities).map(platformOf).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'mastodon', 'x', 'youtube']);
    for (const [accountId, actions] of Object.entries(capabilities)) expect(actions).toEqual(DEMO_MODERATION[platformOf(accountId)]);

    const mastodon = (await core.call('conversations.list', { platform: 'mastodon', limit: 1 })).items[0];
    if (!mastodon) throw new Error('The demo has no Mastodon conversation.');
    const hide = await core.client.call('moderation.act', { action: 'hide', conversationIds: [mastodon.id] });
    expect(hide.ok ? '' : hide.error.message).toBe('Mastodon cannot hide a message (its API allows: block an author, report a message as spam).');
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [blocked] = await core.call('moderation.act', { action: 'block_author', conversationIds: [mastodon.id] });
    await core.outbox.drain();
    const connector = core.context.connectors.find(mastodon.accountId);
    if (!(connector instanceof DemoConnector)) throw new Error('Not the demo connector.');
    expect(connector.receivedModerations).toMatchObject([{ action: 'block_author' }]);
    expect((await core.call('outbox.list', { scope: 'all' })).find((item) => item.id === blocked?.id)).toMatchObject({ state: 'sent', platform: 'mastodon' });
  });
});

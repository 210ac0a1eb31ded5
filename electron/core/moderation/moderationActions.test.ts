import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { useModerationFixture } from '../testing/moderationFixture';

const world = useModerationFixture();
const UNDO_MS = 10_000;
const BLOCK_RECORD = 'at://did:plc:brand/app.bsky.graph.block/3kblock';

const contactOf = (externalId: string) =>
  world.core.context.db
    .prepare<[string], { blocked_at: number | null; block_ref: string | null; muted_at: number | null }>(
      'SELECT ct.blocked_at, ct.block_ref, ct.muted_at FROM contacts ct JOIN messages m ON m.contact_seq = ct.seq WHERE m.external_id = ?',
    )
    .get(externalId);
const setRef = (externalId: string, ref: object) =>
  world.core.context.db.prepare<[string, string]>('UPDATE messages SET platform_ref = ? WHERE external_id = ?').run(JSON.stringify(ref), externalId);
const itemOf = async (id: string | undefined) => (await world.core.call('outbox.list', { scope: 'all' })).find((item) => item.id === id);

describe('moderation: block and unblock with what undoing needs', () => {
  it('keeps the block record the platform answers, and hands it back to unblock, which goes at once', async () => {
    const connector = world.connect([], undefined, { block_author: BLOCK_RECORD });
    setRef('msg-3', { id: '109', visibility: 'public' });
    await world.act({ action: 'block_author', messageIds: [world.messageId('msg-3')] });
    await world.after(UNDO_MS);
    expect(connector.moderated).toMatchObject([{ action: 'block_author', messageRef: { id: '109', visibility: 'public' }, undoRef: null }]);
    expect(contactOf('msg-3')).toEqual({ blocked_at: world.core.now.value, block_ref: BLOCK_RECORD, muted_at: null });

    const [unblock] = await world.act({ action: 'unblock_author', messageIds: [world.messageId('msg-3')] });
    expect(unblock?.notBefore).toBe(world.core.now.value);
    await world.core.outbox.drain();
    expect(connector.moderated[1]).toMatchObject({ action: 'unblock_author', undoRef: BLOCK_RECORD });
    expect(contactOf('msg-3')).toEqual({ blocked_at: null, block_ref: null, muted_at: null });
    expect((await world.history('thread-3')).map((line) => line.action)).toEqual(['contact.blocked', 'contact.unblocked']);
  });
});

describe('moderation: mute and unmute', () => {
  it('mutes at once, without the undo delay; the contact says so until unmuted', async () => {
    const connector = world.connect();
    await world.act({ action: 'mute_author', messageIds: [world.messageId('msg-1')] });
    await world.core.outbox.drain();
    const mutedAt = async () => (await world.core.call('conversations.get', { id: world.conversationId('thread-1') })).messages[0]?.author.mutedAt;
    expect(await mutedAt()).toBe(world.core.now.value);
    await world.act({ action: 'unmute_author', messageIds: [world.messageId('msg-1')] });
    await world.core.outbox.drain();
    expect(await mutedAt()).toBeNull();
    expect(connector.moderated.map((request) => request.action)).toEqual(['mute_author', 'unmute_author']);
    expect((await world.history('thread-1')).map((line) => line.action)).toEqual(['contact.muted', 'contact.unmuted']);
  });
});

describe('moderation: reports', () => {
  it('passes the person’s reason to the platform after the undo delay, even from a DM, and keeps it on the record', async () => {
    const connector = world.connect();
    await world.act({ action: 'report', messageIds: [world.messageId('msg-5')], reason: 'Harcèlement répété' });
    await world.after(UNDO_MS - 1);
    expect(connector.moderated).toEqual([]);
    await world.after(1);
    expect(connector.moderated).toMatchObject([{ action: 'report', messageExternalId: 'msg-5', reason: 'Harcèlement répété' }]);
    expect(await world.history('dm-1')).toMatchObject([{ action: 'message.reported', data: { author: 'Fan 5', reason: 'Harcèlement répété' } }]);
  });

  it('refuses a reason with anything but a report, and one too long, naming the field', async () => {
    world.connect();
    const withHide = await world.tryAct({ action: 'hide', messageIds: [world.messageId('msg-1')], reason: 'x' });
    expect(withHide).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'moderation.act: reason: a reason goes only with a report', issues: [{ path: 'reason', message: 'a reason goes only with a report' }] },
    });
    const tooLong = await world.tryAct({ action: 'report', messageIds: [world.messageId('msg-1')], reason: 'x'.repeat(2001) });
    expect(tooLong.ok ? '' : tooLong.error.message).toMatch(/^moderation\.act: reason: /);
  });
});

describe('moderation: deleting the brand’s own reply', () => {
  it('deletes our reply where the account may, and refuses it on someone else’s message, or `delete` on ours', async () => {
    const connector = world.connect([], ['delete_own', 'hide']);
    const notOurs = await world.tryAct({ action: 'delete_own', messageIds: [world.messageId('msg-1')] });
    expect(notOurs.ok ? '' : notOurs.error.message).toMatch(/is not the brand's own/);
    const others = await world.tryAct({ action: 'delete', messageIds: [world.messageId('msg-4')] });
    expect(others.ok ? '' : others.error.message).toMatch(/is the brand's own/);
    await world.act({ action: 'delete_own', messageIds: [world.messageId('msg-4')] });
    await world.after(UNDO_MS);
    expect(connector.moderated).toMatchObject([{ action: 'delete_own', messageExternalId: 'msg-4' }]);
    expect(world.flags('msg-4')).toEqual({ is_hidden: 0, is_deleted: 1 });
    expect((await world.history('thread-1')).map((line) => line.action)).toEqual(['message.deletedOwn']);
  });
});

describe('moderation: what the platform no longer has', () => {
  it('counts deleting or hiding something already gone as done', async () => {
    world.connect([new ConnectorError('404', 'not_found'), new ConnectorError('404', 'not_found')]);
    const [deleted] = await world.act({ action: 'delete', messageIds: [world.messageId('msg-2')] });
    const [hidden] = await world.act({ action: 'hide', messageIds: [world.messageId('msg-1')] });
    await world.after(UNDO_MS);
    expect(await itemOf(deleted?.id)).toMatchObject({ state: 'sent' });
    expect(await itemOf(hidden?.id)).toMatchObject({ state: 'sent' });
    expect([world.flags('msg-1'), world.flags('msg-2')]).toEqual([{ is_hidden: 1, is_deleted: 0 }, { is_hidden: 0, is_deleted: 1 }]);
  });

  it('fails blocking an author the platform no longer has, saying so', async () => {
    world.connect([new ConnectorError('404', 'not_found')]);
    const [blocked] = await world.act({ action: 'block_author', messageIds: [world.messageId('msg-3')] });
    await world.after(UNDO_MS);
    expect(await itemOf(blocked?.id)).toMatchObject({ state: 'failed', lastError: 'The message or its author is no longer on Facebook.' });
    expect(contactOf('msg-3')?.blocked_at).toBeNull();
  });
});

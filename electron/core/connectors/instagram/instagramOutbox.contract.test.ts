import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { addAccount } from '../../testing/itemBuilder';
import { ManualTimers } from '../../testing/manualTimers';
import { createTestCore, type TestCore } from '../../testing/testCore';
import type { Connector } from '../connector';
import { CONTRACT_APP } from './contract/instagramContractServer';
import { DAY_MS, KIT_NOW, startInstagramKit } from './contract/instagramTestKit';
import { BRAND, type WorldComment } from './contract/instagramWorld';
import { instagramPlatform } from './instagramPlatform';
import { encodeInstagramSecret } from './instagramSecret';

// The outbox of a real core sending through the Instagram connector to the contract server,
// interrupted as a crash would interrupt it (the row left `sending`): Instagram has no
// idempotency key, so the restarted outbox asks findSent, and the platform ends with one reply.

const UNDO_MS = 10_000;
let core: TestCore | undefined;
let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(async () => {
  core?.close();
  await kit.close();
});

async function setUp() {
  kit = await startInstagramKit();
  const media = kit.server.world.addMedia('Promo du samedi ☕', KIT_NOW - DAY_MS);
  const top = kit.server.world.addComment(media, 'C’est jusqu’à quand?', KIT_NOW - 3_600_000, { id: '6000000000000005', username: 'lea.b' });
  core = createTestCore({ startAt: KIT_NOW, sync: { timers: new ManualTimers(), random: () => 0.5 } });
  const accountId = addAccount(core.context.db, 'instagram', BRAND.userId);
  const io = { now: () => core?.now.value ?? KIT_NOW, fetch, saveSecret: () => Promise.resolve(), app: CONTRACT_APP, usage: memoryUsageMeter() };
  const connector: Connector = await instagramPlatform.factory(kit.server.url).open({ id: accountId, platform: 'instagram', externalId: BRAND.userId, handle: BRAND.username, server: null }, encodeInstagramSecret(kit.secret), io);
  core.context.connectors.register(accountId, connector);
  core.sync.start(accountId, 0);
  await core.sync.syncNow(accountId);
  const [conversation] = (await core.call('conversations.list', { accountId })).items;
  if (!conversation) throw new Error('the comment was not synced');
  const queued = await core.call('outbox.send', { conversationId: conversation.id, text: 'Jusqu’à dimanche soir!', idempotencyKey: 'draft-ig-1', when: { kind: 'now' } });
  return { top, connector, conversationId: conversation.id, queued };
}

function crashMidSend(id: string) {
  core?.context.db.prepare("UPDATE outbox SET state = 'sending', not_before = ? WHERE id = ?").run(core.now.value, id);
}

const brandReplies = (top: WorldComment) => top.replies.filter((reply) => reply.fromId === BRAND.userId).map((reply) => reply.text);

describe('Instagram replies through a real outbox, interrupted', () => {
  it('a reply Instagram took before the crash is found and recorded, not posted again', async () => {
    const { top, connector, conversationId, queued } = await setUp();
    const [answered] = (await core!.call('conversations.get', { id: conversationId })).messages;
    // The attempt that reached Instagram before the process died.
    await connector.reply({ threadExternalId: top.id, threadRef: null, inReplyToExternalId: top.id, inReplyToRef: { kind: 'comment', mediaId: 'm', topId: top.id, hidden: false, createdAt: answered?.createdAt ?? 0 }, kind: 'comment', text: queued.text, idempotencyKey: 'draft-ig-1', messagingTag: null }, AbortSignal.timeout(10_000));
    crashMidSend(queued.id);
    core!.outbox.start();
    await core!.outbox.drain();
    expect(brandReplies(top)).toEqual(['Jusqu’à dimanche soir!']);
    expect(kit.server.received('POST', `/v25.0/${top.id}/replies`)).toHaveLength(1);
    const sent = (await core!.call('outbox.list', { scope: 'all' })).find((item) => item.id === queued.id);
    expect(sent).toMatchObject({ state: 'sent', mayHaveReached: true });
    const outbound = (await core!.call('conversations.get', { id: conversationId })).messages.filter((message) => message.direction === 'out');
    expect(outbound.map((message) => message.externalId)).toEqual([top.replies[0]?.id]);
  });

  it('a reply the crash stopped before Instagram is posted once when the outbox starts again', async () => {
    const { top, queued } = await setUp();
    crashMidSend(queued.id);
    core!.outbox.start();
    await core!.outbox.drain();
    core!.now.value += UNDO_MS;
    kit.clock.now = core!.now.value;
    await core!.outbox.drain();
    expect(brandReplies(top)).toEqual(['Jusqu’à dimanche soir!']);
    expect(kit.server.received('GET', `/v25.0/${top.id}/replies`).length).toBeGreaterThanOrEqual(1);
  });
});

describe('the composer’s check on a real Instagram account', () => {
  it('counts a private reply in UTF-8 bytes, as Instagram’s Send API does, and a public one in characters', async () => {
    const { conversationId } = await setUp();
    const accented = 'é'.repeat(600);
    const check = await core!.call('replies.check', { conversationId, text: accented, privately: true });
    expect(check).toMatchObject({ length: 1_200, maxLength: 1_000, lengthUnit: 'utf8-bytes', problems: [{ code: 'too_long', length: 1_200, max: 1_000, isAtLeast: false }] });
    expect(await core!.call('replies.check', { conversationId, text: accented })).toMatchObject({ length: 600, maxLength: 2_200, lengthUnit: 'characters', problems: [] });
  });
});

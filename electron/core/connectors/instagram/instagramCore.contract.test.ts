import { afterEach, describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../accounts/usageMeter';
import { addAccount } from '../../testing/itemBuilder';
import { ManualTimers } from '../../testing/manualTimers';
import { createTestCore, type TestCore } from '../../testing/testCore';
import { CONTRACT_APP } from './contract/instagramContractServer';
import { DAY_MS, KIT_NOW, startInstagramKit } from './contract/instagramTestKit';
import { BRAND } from './contract/instagramWorld';
import { instagramPlatform } from './instagramPlatform';
import { encodeInstagramSecret } from './instagramSecret';

// An Instagram account synced by a real core (its sync engine, ingest and SQLite) from the
// contract server: conversations and messages as the inbox reads them through the API.

let core: TestCore | undefined;
let kit: Awaited<ReturnType<typeof startInstagramKit>>;
afterEach(async () => {
  core?.close();
  await kit.close();
});

describe('an Instagram account in a real core', () => {
  it('lands comments (threads with their replies and media) and DMs (one conversation per person), and a later hiding', async () => {
    kit = await startInstagramKit();
    const media = kit.server.world.addMedia('Le café du mois: Éthiopie ☕', KIT_NOW - 2 * DAY_MS);
    const top = kit.server.world.addComment(media, 'Il goûte quoi?', KIT_NOW - DAY_MS, { id: '6000000000000001', username: 'marie.tremblay' });
    kit.server.world.addComment(media, 'Des bleuets! 🫐', KIT_NOW - DAY_MS + 60_000, { id: BRAND.userId, username: BRAND.username }, top);
    const conversation = kit.server.world.addConversation({ id: '6000000000000002', username: 'jgagnon_mtl' });
    kit.server.world.addMessage(conversation, 'Do you ship to Ottawa?', KIT_NOW - 3_600_000, false);
    kit.server.world.addMessage(conversation, 'Oui! / Yes!', KIT_NOW - 1_800_000, true);

    const timers = new ManualTimers();
    core = createTestCore({ startAt: KIT_NOW, sync: { timers, random: () => 0.5 } });
    const accountId = addAccount(core.context.db, 'instagram', BRAND.userId);
    const io = { now: () => core?.now.value ?? KIT_NOW, fetch, saveSecret: () => Promise.resolve(), app: CONTRACT_APP, usage: memoryUsageMeter() };
    const connector = await instagramPlatform.factory(kit.server.url).open({ id: accountId, platform: 'instagram', externalId: BRAND.userId, handle: BRAND.username, server: null }, encodeInstagramSecret(kit.secret), io);
    core.context.connectors.register(accountId, connector);
    core.sync.start(accountId, 0);
    expect(await core.sync.syncNow(accountId)).toMatchObject({ inserted: 4, rejected: 0 });

    const list = await core.call('conversations.list', { accountId });
    expect(list.items.map((each) => each.kind).sort()).toEqual(['comment', 'dm']);
    const thread = list.items.find((each) => each.kind === 'comment');
    const dm = list.items.find((each) => each.kind === 'dm');
    const detail = await core.call('conversations.get', { id: thread?.id ?? '' });
    expect(detail.post).toMatchObject({ text: 'Le café du mois: Éthiopie ☕', permalink: media.permalink });
    expect(detail.messages.map((message) => [message.text, message.direction])).toEqual([
      ['Il goûte quoi?', 'in'],
      ['Des bleuets! 🫐', 'out'],
    ]);
    expect(dm).toMatchObject({ contact: { handle: 'jgagnon_mtl' }, lastInboundAt: KIT_NOW - 3_600_000, messageCount: 2 });

    top.hidden = true;
    core.now.value += 60_000;
    kit.clock.now = core.now.value;
    await core.sync.syncNow(accountId);
    const after = await core.call('conversations.get', { id: thread?.id ?? '' });
    expect(after.messages.find((message) => message.externalId === top.id)?.isHidden).toBe(true);
  });
});

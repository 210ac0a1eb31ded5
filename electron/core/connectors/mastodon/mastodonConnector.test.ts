import type { mastodon } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoldingProxy } from '../../../../scripts/peers/holdingProxy';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { createSnacAccount, snacToken, type SnacAccount } from '../../../../scripts/peers/snacAccounts';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { mastoClient, openMastodonConnector, replyRequest, SNAC_DELIVERY_MS, syncAll, syncRequest, waitFor } from '../../testing/snacMastodon';
import { ConnectorError, type Connector, type ModerationRequest } from '../connector';

// The Mastodon connector against a real Mastodon-API server on this machine (snac2, see
// scripts/peers/README.md): alice is the brand, bob writes to her and checks what she answers.

type Side = { account: SnacAccount; token: string; client: mastodon.rest.Client };

let peers: PeerServers;
let alice: Side;
let bob: Side;
let connector: Connector;

async function side(name: string): Promise<Side> {
  const account = await createSnacAccount(peers, name);
  const token = await snacToken(peers, account);
  return { account, token, client: mastoClient(peers.snac.url, token) };
}

/** Waits until alice's server lists `count` mentions, so that one sync can be asked for all of them. */
const mentionsOfAlice = (count: number) =>
  waitFor(async () => {
    const mentions = (await alice.client.v1.notifications.list({ limit: 40 })).filter((notification) => notification.type === 'mention');
    return mentions.length >= count ? mentions : undefined;
  }, `${count} mentions of alice`);

const items = (pages: { items: unknown[] }[]) => pages.flatMap((page) => page.items) as IncomingItemInput[];

beforeAll(async () => {
  peers = await ensurePeers();
  [alice, bob] = await Promise.all([side('alice'), side('bob')]);
  connector = openMastodonConnector(peers.snac.url, alice.token);
}, ENSURE_PEERS_TIMEOUT_MS);
afterAll(() => connector?.close());

describe('Mastodon connector against snac2', () => {
  let cursors: Record<string, string> = {};
  let publicMention: IncomingItemInput;
  let privateMention: IncomingItemInput;

  it('backfills a mention and a private mention in one sync, then brings only what is new', async () => {
    await bob.client.v1.statuses.create({ status: `@${alice.account.name} are you open on Sunday? <b>Tom & Jerry</b>`, visibility: 'public' });
    await bob.client.v1.statuses.create({ status: `@${alice.account.name} my order number is 4412`, visibility: 'direct' });
    await mentionsOfAlice(2);

    const backfill = await syncAll(connector, syncRequest());
    const received = items(backfill.pages);
    expect(received).toHaveLength(2);
    publicMention = received.find((item) => item.text.includes('Sunday'))!;
    privateMention = received.find((item) => item.text.includes('4412'))!;
    const host = new URL(peers.snac.url).host;
    expect(publicMention).toMatchObject({
      platform: 'mastodon',
      kind: 'mention',
      direction: 'in',
      text: `@${alice.account.name}@${host} are you open on Sunday? Tom & Jerry`,
      author: { externalId: `${peers.snac.url}/${bob.account.name}`, handle: bob.account.acct },
      permalink: expect.stringMatching(/^http:\/\/localhost/),
    });
    // (snac leaves `mentions` empty in notifications: the author is kept apart, for the reply.)
    expect(publicMention.ref).toMatchObject({ visibility: 'public', author: bob.account.acct });
    // snac reports a direct status as `private` (scripts/peers/README.md): it stays as narrow when answered.
    expect(privateMention.ref).toMatchObject({ visibility: 'private' });
    expect(publicMention.threadExternalId).not.toBe(privateMention.threadExternalId);
    expect(backfill.pages.at(-1)?.progress).toBe(1);
    expect(backfill.cursors).toEqual({ notifications: expect.any(String) });
    cursors = backfill.cursors;

    expect(items((await syncAll(connector, syncRequest({ cursors }))).pages)).toEqual([]);
    await bob.client.v1.statuses.create({ status: `@${alice.account.name} one more thing`, visibility: 'public' });
    await mentionsOfAlice(3);
    const live = await syncAll(connector, syncRequest({ cursors }));
    expect(items(live.pages).map((item) => item.text)).toEqual([`@${alice.account.name}@${host} one more thing`]);
    cursors = live.cursors;
  }, 3 * SNAC_DELIVERY_MS);

  it('replies once in the thread, as narrow as the message answered, mentioning its author, as bob sees it', async () => {
    expect(connector.idempotencyWindowMs).toBe(0);
    expect(connector.limits.maxLength).toBe(100_000);
    const publicReply = await connector.reply(replyRequest({ inReplyToRef: publicMention.ref!, text: 'Yes, from 9 to 5!' }), AbortSignal.timeout(20_000));
    const privateReply = await connector.reply(replyRequest({ inReplyToRef: privateMention.ref!, text: 'Thanks, we are on it.', kind: 'dm' }), AbortSignal.timeout(20_000));

    const repliesToBob = await waitFor(async () => {
      const mentions = (await bob.client.v1.notifications.list({ limit: 40 })).filter((notification) => notification.type === 'mention');
      return mentions.length >= 2 ? mentions : undefined;
    }, 'both replies reaching bob');
    const seen = repliesToBob.map(({ status }) => ({ inReplyToId: status?.inReplyToId, visibility: status?.visibility, text: status?.content.replace(/<[^>]+>/g, '') }));
    expect(seen).toHaveLength(2);
    expect(seen).toEqual(
      expect.arrayContaining([
        { inReplyToId: publicMention.ref!.id, visibility: 'public', text: expect.stringMatching(new RegExp(`^@${bob.account.name}.* Yes, from 9 to 5!$`)) },
        { inReplyToId: privateMention.ref!.id, visibility: 'private', text: expect.stringMatching(/Thanks, we are on it\.$/) },
      ]),
    );
    expect(publicReply.ref).toMatchObject({ thread: 'thread-1', visibility: 'public' });
    expect(privateReply.externalId).toMatch(/^http:\/\/localhost/);
  }, 2 * SNAC_DELIVERY_MS);

  it('finds a reply whose answer never came back, so that it is posted once (snac ignores Idempotency-Key)', async () => {
    const proxy = await HoldingProxy.start(peers.snac.url);
    const viaProxy = openMastodonConnector(proxy.url, alice.token);
    try {
      const request = replyRequest({ inReplyToRef: publicMention.ref!, text: 'Our hours are on the door too.' });
      const held = proxy.holdNext((method, path) => method === 'POST' && path.startsWith('/api/v1/statuses'));
      const attempt = viaProxy.reply(request, AbortSignal.timeout(60_000)).catch((error: unknown) => error);
      await held;
      viaProxy.close();
      expect(await attempt).toBeInstanceOf(Error);

      const again = openMastodonConnector(proxy.url, alice.token);
      const found = await again.findSent(request, AbortSignal.timeout(20_000));
      expect(found).toMatchObject({ externalId: expect.stringMatching(/^http:\/\/localhost/) });
      expect(await again.findSent({ ...request, text: 'Something never sent.' }, AbortSignal.timeout(20_000))).toBeNull();
      again.close();

      // The same key twice on snac: two statuses. Hence the window of 0 and findSent first.
      const twice = [1, 2].map(() => bob.client.v1.statuses.create({ status: 'same key', visibility: 'public' }, { requestInit: { headers: { 'Idempotency-Key': 'same-key' } } }));
      const [first, second] = await Promise.all(twice);
      expect(first?.id).not.toBe(second?.id);
    } finally {
      await proxy.stop();
    }
  }, 2 * SNAC_DELIVERY_MS);

  it('notices an edit made on the server', async () => {
    await bob.client.v1.statuses.$select(publicMention.ref!.id as string).update({ status: `@${alice.account.name} are you open on Saturday?` });
    const page = await connector.sync(syncRequest({ cursors, recheck: [{ externalId: publicMention.externalId, ref: publicMention.ref! }] }));
    expect(page.updates).toEqual([{ change: 'edited', platform: 'mastodon', externalId: publicMention.externalId, text: expect.stringContaining('are you open on Saturday?'), editedAt: expect.any(Number) }]);
  });

  it('blocks on the server; muting and reporting, which snac lacks, are refused by name', async () => {
    const moderation = (action: ModerationRequest['action']): ModerationRequest => ({
      action,
      messageExternalId: publicMention.externalId,
      messageRef: publicMention.ref!,
      authorExternalId: publicMention.author.externalId,
      undoRef: null,
      reason: 'Spam links',
    });
    expect(connector.moderation).toEqual(['delete_own', 'mute_author', 'unmute_author', 'block_author', 'unblock_author', 'report', 'mark_spam']);
    await connector.moderate(moderation('block_author'), AbortSignal.timeout(20_000));
    const bobId = publicMention.ref!.accountId as string;
    expect((await alice.client.v1.accounts.relationships.fetch({ id: [bobId] }))[0]).toMatchObject({ blocking: true });
    await connector.moderate(moderation('block_author'), AbortSignal.timeout(20_000));

    await expect(connector.moderate(moderation('mute_author'), AbortSignal.timeout(20_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('does not offer muting') });
    await expect(connector.moderate(moderation('mark_spam'), AbortSignal.timeout(20_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('422') });
  });

  it('says offline while its server is unreachable, and syncs again once it is back', async () => {
    const proxy = await HoldingProxy.start(peers.snac.url);
    const viaProxy = openMastodonConnector(proxy.url, alice.token);
    try {
      await proxy.stop();
      const error = await viaProxy.sync(syncRequest({ cursors })).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ kind: 'offline' });
      await proxy.start();
      // The first requests after the restart may meet a connection the proxy had to snac: retried, as the engine would.
      const back = await waitFor(() => viaProxy.sync(syncRequest({ cursors })).catch((failure: unknown) => {
        if (failure instanceof ConnectorError && failure.kind === 'transient') return undefined;
        throw failure;
      }), 'a sync once the server is back', 10_000);
      // Nothing new but, perhaps, bob's edited status: snac announces an edit as a new mention of the same status (one message for ingest).
      expect(items([back]).filter((item) => item.externalId !== publicMention.externalId)).toEqual([]);
    } finally {
      viaProxy.close();
      await proxy.stop();
    }
  });

  it('reports a refused token as auth', async () => {
    const stranger = openMastodonConnector(peers.snac.url, 'not-a-token');
    await expect(stranger.sync(syncRequest())).rejects.toMatchObject({ kind: 'auth' });
    stranger.close();
  });
});

import { AtUri } from '@atproto/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncBluesky } from '../../../../scripts/peers/blueskyAccounts';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import type { ModerationAction, ModerationRequest } from '../connector';
import { connectBrand, personOn } from '../../testing/blueskyTestKit';

// Moderation by the connector on the local Bluesky network, checked from the brand's own agent
// (and, for reports, from the moderation service the local network runs, Ozone).

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

const signal = () => AbortSignal.timeout(20_000);

async function scene() {
  const brand = await connectBrand(peers);
  const bob = await personOn(peers, 'bob');
  const post = await brand.agent.post({ text: 'New menu today' });
  const comment = await bob.agent.post({ text: 'Boring.', reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: post.uri, cid: post.cid } } });
  await syncBluesky(peers);
  const request = (action: ModerationAction, extra: Partial<ModerationRequest> = {}): ModerationRequest => ({
    action,
    messageExternalId: comment.uri,
    messageRef: { uri: comment.uri, cid: comment.cid, rootUri: post.uri, rootCid: post.cid },
    authorExternalId: bob.account.did,
    undoRef: null,
    reason: null,
    ...extra,
  });
  return { brand, bob, post, comment, request };
}

describe('Bluesky moderation', { timeout: 60_000 }, () => {
  it('blocks once (a second block meets the same record) and unblocks', async () => {
    const { brand, bob, request } = await scene();
    const blocked = await brand.connector.moderate(request('block_author'), signal());
    expect(blocked.undoRef).toMatch(new RegExp(`^at://${brand.account.did}/app.bsky.graph.block/`));
    expect((await brand.connector.moderate(request('block_author'), signal())).undoRef).toBe(blocked.undoRef);
    const records = await brand.agent.com.atproto.repo.listRecords({ repo: brand.account.did, collection: 'app.bsky.graph.block' });
    expect(records.data.records.map((record) => record.value)).toEqual([expect.objectContaining({ subject: bob.account.did })]);
    await syncBluesky(peers);
    expect((await brand.agent.app.bsky.graph.getBlocks()).data.blocks.map((profile) => profile.did)).toEqual([bob.account.did]);

    await brand.connector.moderate(request('unblock_author', { undoRef: blocked.undoRef }), signal());
    await brand.connector.moderate(request('unblock_author', { undoRef: blocked.undoRef }), signal());
    await syncBluesky(peers);
    expect((await brand.agent.app.bsky.graph.getBlocks()).data.blocks).toEqual([]);
  });

  it('mutes and unmutes the author', async () => {
    const { brand, bob, request } = await scene();
    await brand.connector.moderate(request('mute_author'), signal());
    expect((await brand.agent.app.bsky.graph.getMutes()).data.mutes.map((profile) => profile.did)).toEqual([bob.account.did]);
    await brand.connector.moderate(request('unmute_author'), signal());
    expect((await brand.agent.app.bsky.graph.getMutes()).data.mutes).toEqual([]);
  });

  it('hides a reply in the thread’s gate, hiding twice changes nothing, and unhiding removes the gate', async () => {
    const { brand, post, comment, request } = await scene();
    const gate = () => brand.agent.com.atproto.repo.getRecord({ repo: brand.account.did, collection: 'app.bsky.feed.threadgate', rkey: new AtUri(post.uri).rkey }).then(({ data }) => data.value, () => null);
    await brand.connector.moderate(request('hide'), signal());
    await brand.connector.moderate(request('hide'), signal());
    expect(await gate()).toMatchObject({ post: post.uri, hiddenReplies: [comment.uri] });
    await brand.connector.moderate(request('unhide'), signal());
    expect(await gate()).toBeNull();
  });

  it('reports the message with the person’s words, and deletes the brand’s own reply (again: already gone is fine)', async () => {
    const { brand, comment, request, post } = await scene();
    await brand.connector.moderate(request('report', { reason: 'Insults our staff' }), signal());
    const events = await ozoneReports(comment.uri);
    expect(events).toContainEqual(expect.objectContaining({ comment: 'Insults our staff', createdBy: brand.account.did }));

    const own = await brand.agent.post({ text: 'Sorry to hear that', reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: comment.uri, cid: comment.cid } } });
    await brand.connector.moderate(request('delete_own', { messageExternalId: own.uri }), signal());
    await brand.connector.moderate(request('delete_own', { messageExternalId: own.uri }), signal());
    const left = await brand.agent.com.atproto.repo.listRecords({ repo: brand.account.did, collection: 'app.bsky.feed.post' });
    expect(left.data.records.map((record) => record.uri)).toEqual([post.uri]);
  });

  it('refuses to delete someone else’s post', async () => {
    const { brand, request } = await scene();
    await expect(brand.connector.moderate(request('delete_own'), signal())).rejects.toMatchObject({ kind: 'permanent' });
  });
});

/** The reports Ozone holds on a subject, read with the local network's admin password. */
async function ozoneReports(uri: string): Promise<{ comment?: string; createdBy: string }[]> {
  const ozone = `http://localhost:${Number(peers.env.PEERS_BSKY_BASE_PORT) + 7}`;
  const response = await fetch(`${ozone}/xrpc/tools.ozone.moderation.queryEvents?subject=${encodeURIComponent(uri)}&types=tools.ozone.moderation.defs%23modEventReport`, {
    headers: { authorization: `Basic ${Buffer.from('admin:admin-pass').toString('base64')}` },
  });
  if (!response.ok) throw new Error(`Ozone: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { events: { event: { comment?: string }; createdBy: string }[] }).events.map((event) => ({ comment: event.event.comment, createdBy: event.createdBy }));
}

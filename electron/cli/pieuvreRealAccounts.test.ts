import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RichText, type AtpAgent } from '@atproto/api';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncBluesky } from '../../scripts/peers/blueskyAccounts';
import { HoldingProxy } from '../../scripts/peers/holdingProxy';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../scripts/peers/peers';
import { createSnacAccount, snacToken, submitSnacSignInForm, type SnacAccount } from '../../scripts/peers/snacAccounts';
import { DATABASE_FILE } from '../core/core';
import { personOn, untilNotified } from '../core/testing/blueskyTestKit';
import { mastoClient, waitFor } from '../core/testing/snacMastodon';
import { callCore, pieuvre, SPAWNS_TIMEOUT_MS, startPieuvre as startProcess, type RunningPieuvre } from './testing/pieuvreProcess';

/**
 * The command line against the real local servers (scripts/peers/): accounts added, synced,
 * answered and removed from other processes, as a script would; and a process killed with
 * SIGKILL mid-reply, whose reply the next process sends exactly once (#10 §8, §9).
 */

let peers: PeerServers;
beforeAll(async () => void (peers = await ensurePeers()), ENSURE_PEERS_TIMEOUT_MS);

let dataDir: string;
/** Commands a test started and may leave waiting (a sign-in waits 10 minutes) when it fails. */
const started: RunningPieuvre[] = [];
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-real-'))));
afterEach(async () => {
  for (const running of started.splice(0)) {
    running.child.kill('SIGKILL');
    await running.done;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function startPieuvre(args: readonly string[], stdin?: string): RunningPieuvre {
  const running = startProcess(dataDir, args, stdin);
  started.push(running);
  return running;
}

type Account = { id: string; platform: string; handle: string; status: string };
type Message = { externalId: string; direction: string; authorHandle: string; text: string; createdAt: number };
type InboxEntry = { id: string; platform: string; kind: string; status: string; messages: Message[] };
type SyncOutput = { accounts: { id: string; inserted: number; duplicates: number; rejected: number }[] };

async function pieuvreJson<T>(args: readonly string[], stdin?: string): Promise<T> {
  const run = await pieuvre(dataDir, ['--json', ...args], stdin);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
}

/** The outbox row a reply left behind, read straight from the file (no core started, so nothing recovers it first). */
function outboxRows(): { state: string; firstHandedOverAt: number | null }[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT state, first_handed_over_at AS firstHandedOverAt FROM outbox WHERE kind <> 'moderation'").all() as { state: string; firstHandedOverAt: number | null }[];
  } finally {
    db.close();
  }
}

/**
 * Spawns `reply ID --wait`, lets the post-creating request reach the server and keeps its answer
 * from the command line, then kills it with SIGKILL: the reply is on the server, not recorded here.
 */
async function replyKilledMidSend(proxy: HoldingProxy, isPosting: (method: string, path: string) => boolean, conversationId: string, text: string): Promise<void> {
  const held = proxy.holdNext(isPosting);
  const reply = startPieuvre(['reply', conversationId, '--wait'], text);
  const outcome = await Promise.race([held.then(() => 'held' as const), reply.done]);
  expect(outcome, `the reply ended before reaching the server: ${reply.stderrSoFar()}`).toBe('held');
  reply.child.kill('SIGKILL');
  expect((await reply.done).signal).toBe('SIGKILL');
  expect(outboxRows()).toEqual([{ state: 'sending', firstHandedOverAt: expect.any(Number) }]);
}

/** The brand's reply recorded once in the conversation, after the message it answers. */
async function outgoingIn(conversationId: string): Promise<Message[]> {
  const inbox = await pieuvreJson<InboxEntry[]>(['inbox']);
  return inbox.find((conversation) => conversation.id === conversationId)?.messages.filter((message) => message.direction === 'out') ?? [];
}

const isBlueskyPost = (method: string, path: string) => method === 'POST' && /^\/xrpc\/com\.atproto\.repo\.(createRecord|applyWrites)/.test(path);

/** Replies to a post as another account sees them in its thread. */
async function repliesSeenBy(agent: AtpAgent, uri: string): Promise<{ uri: string; author: { did: string }; record: { text?: string } }[]> {
  await syncBluesky(peers);
  const { data } = await agent.getPostThread({ uri, depth: 5 });
  const thread = data.thread as { replies?: { post: { uri: string; author: { did: string }; record: { text?: string } } }[] };
  return (thread.replies ?? []).map((reply) => reply.post);
}

async function mentionOf(agent: AtpAgent, text: string) {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  return agent.post({ text: rich.text, facets: rich.facets });
}

describe('pieuvre command line against local Bluesky', { timeout: SPAWNS_TIMEOUT_MS * 2 }, () => {
  it('adds the account, syncs a mention and a comment, replies once under the comment (seen by the fan), lists and removes it', async () => {
    const brand = await personOn(peers, 'brand');
    const fan = await personOn(peers, 'fan');
    const add = ['accounts', 'add', 'bluesky', '--server', peers.bluesky.pds, '--handle', brand.account.handle];

    const refused = await pieuvre(dataDir, add, 'wrong-password-here\n');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/password/i);

    const account = await pieuvreJson<Account>(add, `${brand.account.appPassword}\n`);
    expect(account).toEqual({ id: expect.any(String), platform: 'bluesky', handle: brand.account.handle, status: 'connected' });

    const post = await brand.agent.post({ text: 'Nouveau menu cette semaine.' });
    await syncBluesky(peers);
    const mention = await mentionOf(fan.agent, `@${brand.account.handle} vous ouvrez à quelle heure?`);
    const comment = await fan.agent.post({ text: 'Hâte de goûter!', reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: post.uri, cid: post.cid } } });
    await untilNotified(peers, brand, [mention.uri, comment.uri]);

    const synced = await pieuvreJson<SyncOutput>(['sync']);
    expect(synced.accounts).toEqual([{ id: account.id, inserted: expect.any(Number), duplicates: expect.any(Number), rejected: 0 }]);
    expect(synced.accounts[0]?.inserted).toBeGreaterThanOrEqual(2);

    const inbox = await pieuvreJson<InboxEntry[]>(['inbox']);
    const byMessage = (uri: string) => inbox.find((conversation) => conversation.messages.some((message) => message.externalId === uri));
    expect(byMessage(mention.uri)).toMatchObject({ platform: 'bluesky', kind: 'mention', status: 'open' });
    const thread = byMessage(comment.uri);
    expect(thread).toMatchObject({ platform: 'bluesky', kind: 'comment' });
    expect(thread?.messages.find((message) => message.externalId === comment.uri)).toEqual({
      externalId: comment.uri,
      direction: 'in',
      authorHandle: fan.account.handle,
      text: 'Hâte de goûter!',
      createdAt: expect.any(Number),
      isPrivateReply: false,
    });

    await callCore(dataDir, 'outbox.setUndoDelay', { undoSendMs: 0 });
    const sent = await pieuvreJson<{ state: string }>(['reply', thread?.id ?? '', '--wait'], 'Merci! On vous attend.\n');
    expect(sent.state).toBe('sent');
    const replies = await repliesSeenBy(fan.agent, comment.uri);
    expect(replies.map((reply) => [reply.author.did, reply.record.text])).toEqual([[brand.account.did, 'Merci! On vous attend.']]);
    expect(await outgoingIn(thread?.id ?? '')).toMatchObject([{ externalId: replies[0]?.uri, text: 'Merci! On vous attend.' }]);

    expect(await pieuvreJson<Account[]>(['accounts', 'list'])).toEqual([account]);
    expect(await pieuvreJson(['accounts', 'remove', account.id])).toEqual({ id: account.id, keptHistory: true });
    expect((await pieuvreJson<InboxEntry[]>(['inbox'])).map((conversation) => conversation.id)).toContain(thread?.id);
    expect(await pieuvreJson(['accounts', 'remove', account.id, '--delete-history'])).toEqual({ id: account.id, keptHistory: false });
    expect(await pieuvreJson(['inbox'])).toEqual([]);
  });

  it('a reply whose process is killed with SIGKILL after the server created it is on the server once, recorded once, after the next sync', async () => {
    const brand = await personOn(peers, 'brand');
    const fan = await personOn(peers, 'fan');
    const proxy = await HoldingProxy.start(peers.bluesky.pds);
    try {
      await pieuvreJson<Account>(['accounts', 'add', 'bluesky', '--server', proxy.url, '--handle', brand.account.handle], brand.account.appPassword);
      const mention = await mentionOf(fan.agent, `@${brand.account.handle} une question sur vos heures`);
      await untilNotified(peers, brand, [mention.uri]);
      await pieuvreJson<SyncOutput>(['sync']);
      const [conversation] = await pieuvreJson<InboxEntry[]>(['inbox']);
      await callCore(dataDir, 'outbox.setUndoDelay', { undoSendMs: 0 });

      await replyKilledMidSend(proxy, isBlueskyPost, conversation?.id ?? '', 'Ouvert jusqu’à 21 h.');
      expect((await repliesSeenBy(fan.agent, mention.uri)).map((reply) => reply.author.did)).toEqual([brand.account.did]);

      await pieuvreJson<SyncOutput>(['sync']);
      const replies = await repliesSeenBy(fan.agent, mention.uri);
      expect(replies.map((reply) => [reply.author.did, reply.record.text])).toEqual([[brand.account.did, 'Ouvert jusqu’à 21 h.']]);
      expect(await outgoingIn(conversation?.id ?? '')).toMatchObject([{ externalId: replies[0]?.uri, text: 'Ouvert jusqu’à 21 h.' }]);
      expect(outboxRows()).toEqual([{ state: 'sent', firstHandedOverAt: expect.any(Number) }]);
    } finally {
      await proxy.stop();
    }
  });
});

/** snac delivers even local posts through a queue that wakes every few seconds. */
const SNAC_SYNC_MS = 40_000;

/** The first line of the command's stderr that matches, while it runs. */
function lineFrom(running: RunningPieuvre, pattern: RegExp): Promise<string> {
  const seen = () => pattern.exec(running.stderrSoFar())?.[1];
  return Promise.race([
    waitFor(async () => seen(), `a line matching ${pattern} from the command line`, SPAWNS_TIMEOUT_MS),
    running.done.then((run) => seen() ?? Promise.reject(new Error(`The command ended (${run.code}) without ${pattern}: ${run.stderr}`))),
  ]);
}

const SIGN_IN_LINE = /^Open this address to sign in: (\S+)$/m;
const OUT_OF_BAND_LINE = /^No browser on this machine\? Open (\S+), then run again with --code CODE$/m;

/** `accounts add mastodon`, completed in snac's sign-in form as a browser would, its redirect reaching the command's loopback listener. */
async function addMastodonInBrowser(server: string, account: SnacAccount): Promise<Account> {
  const adding = startPieuvre(['--json', 'accounts', 'add', 'mastodon', '--server', server]);
  const form = await submitSnacSignInForm(await lineFrom(adding, SIGN_IN_LINE), account);
  expect(form.status).toBe(303);
  expect((await fetch(form.headers.get('location') ?? '')).status).toBe(200);
  const run = await adding.done;
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return JSON.parse(run.stdout) as Account;
}

/** A snac user with a Mastodon API client of its own, for what the other side writes and sees. */
async function snacPerson(name: string) {
  const account = await createSnacAccount(peers, name);
  return { account, client: mastoClient(peers.snac.url, await snacToken(peers, account)) };
}

/** Syncs until these texts are in the inbox (snac takes 3 to 10 s to deliver). */
async function syncUntilInbox(texts: readonly string[]): Promise<InboxEntry[]> {
  return waitFor(
    async () => {
      await pieuvreJson<SyncOutput>(['sync']);
      const inbox = await pieuvreJson<InboxEntry[]>(['inbox']);
      const all = inbox.flatMap((conversation) => conversation.messages.map((message) => message.text));
      return texts.every((text) => all.some((message) => message.includes(text))) ? inbox : undefined;
    },
    `${texts.join(', ')} in the inbox`,
    SNAC_SYNC_MS,
  );
}

const conversationWith = (inbox: InboxEntry[], text: string) => inbox.find((conversation) => conversation.messages.some((message) => message.text.includes(text)));

/** The brand's replies under a status, as the other account sees them once snac has delivered them. */
async function brandRepliesSeenBy(client: ReturnType<typeof mastoClient>, statusId: string, brand: SnacAccount) {
  return waitFor(async () => {
    const { descendants } = await client.v1.statuses.$select(statusId).context.fetch();
    const replies = descendants.filter((status) => status.account.username === brand.name).map((status) => ({ inReplyToId: status.inReplyToId, content: status.content }));
    return replies.length > 0 ? replies : undefined;
  }, `the brand's reply under ${statusId}`);
}

/**
 * How many replies to a status the brand's own account has, read with a token of its own: the
 * brand's statuses are there at once, where the other account sees them only after delivery,
 * so a second reply cannot hide behind snac's queue.
 */
async function repliesOnBrandsSide(brand: SnacAccount, statusId: string): Promise<number> {
  const client = mastoClient(peers.snac.url, await snacToken(peers, brand));
  const me = await client.v1.accounts.verifyCredentials();
  const statuses = await client.v1.accounts.$select(me.id).statuses.list({ limit: 40 });
  return statuses.filter((status) => status.inReplyToId === statusId).length;
}

const isMastodonPost = (method: string, path: string) => method === 'POST' && path.startsWith('/api/v1/statuses');

describe('pieuvre command line against local snac2 (Mastodon API)', { timeout: SPAWNS_TIMEOUT_MS * 2 }, () => {
  it('signs in through the browser, syncs a mention and a private mention, replies once (seen by the other account)', async () => {
    const brand = await createSnacAccount(peers, 'brand');
    const fan = await snacPerson('fan');
    const account = await addMastodonInBrowser(peers.snac.url, brand);
    expect(account).toEqual({ id: expect.any(String), platform: 'mastodon', handle: brand.acct, status: 'connected' });

    const mention = await fan.client.v1.statuses.create({ status: `@${brand.name} ouvert dimanche?`, visibility: 'public' });
    await fan.client.v1.statuses.create({ status: `@${brand.name} ma commande 4412 est en retard`, visibility: 'direct' });
    const inbox = await syncUntilInbox(['ouvert dimanche?', 'ma commande 4412']);
    const publicOne = conversationWith(inbox, 'ouvert dimanche?');
    expect(publicOne).toMatchObject({ platform: 'mastodon', kind: 'mention' });
    expect(publicOne?.messages[0]).toMatchObject({ direction: 'in', authorHandle: fan.account.acct, createdAt: expect.any(Number) });
    // snac reports a direct status as `private` (scripts/peers/README.md), which Pieuvre cannot tell
    // from a followers-only one: its own conversation, a mention, answered as narrowly.
    const privateOne = conversationWith(inbox, 'ma commande 4412');
    expect(privateOne).toMatchObject({ platform: 'mastodon', kind: 'mention' });
    expect(privateOne?.id).not.toBe(publicOne?.id);

    await callCore(dataDir, 'outbox.setUndoDelay', { undoSendMs: 0 });
    const sent = await pieuvreJson<{ state: string }>(['reply', publicOne?.id ?? '', '--wait'], 'Oui, de 9 h à 17 h.\n');
    expect(sent.state).toBe('sent');
    expect(await brandRepliesSeenBy(fan.client, mention.id, brand)).toEqual([{ inReplyToId: mention.id, content: expect.stringContaining('Oui, de 9 h à 17 h.') }]);
    expect(await repliesOnBrandsSide(brand, mention.id)).toBe(1);
  });

  it('a reply whose process is killed with SIGKILL after the server created it is on the server once, recorded once, after the next sync', async () => {
    const brand = await createSnacAccount(peers, 'brand');
    const fan = await snacPerson('fan');
    const proxy = await HoldingProxy.start(peers.snac.url);
    try {
      await addMastodonInBrowser(proxy.url, brand);
      const mention = await fan.client.v1.statuses.create({ status: `@${brand.name} livrez-vous à Laval?`, visibility: 'public' });
      const conversation = conversationWith(await syncUntilInbox(['livrez-vous à Laval?']), 'livrez-vous à Laval?');
      await callCore(dataDir, 'outbox.setUndoDelay', { undoSendMs: 0 });

      await replyKilledMidSend(proxy, isMastodonPost, conversation?.id ?? '', 'Oui, le mardi.');
      expect(await repliesOnBrandsSide(brand, mention.id)).toBe(1);

      await pieuvreJson<SyncOutput>(['sync']);
      expect(await repliesOnBrandsSide(brand, mention.id)).toBe(1);
      expect(await brandRepliesSeenBy(fan.client, mention.id, brand)).toEqual([{ inReplyToId: mention.id, content: expect.stringContaining('Oui, le mardi.') }]);
      expect(await outgoingIn(conversation?.id ?? '')).toMatchObject([{ text: expect.stringContaining('Oui, le mardi.') }]);
      expect(outboxRows()).toEqual([{ state: 'sent', firstHandedOverAt: expect.any(Number) }]);
    } finally {
      await proxy.stop();
    }
  });

  it('finishes, in a later run, the out-of-band sign-in an earlier run printed, with the code the server showed; the code works once', async () => {
    const brand = await createSnacAccount(peers, 'brand');
    const first = startPieuvre(['accounts', 'add', 'mastodon', '--server', peers.snac.url]);
    const [browserUrl, outOfBandUrl] = await Promise.all([lineFrom(first, SIGN_IN_LINE), lineFrom(first, OUT_OF_BAND_LINE)]);
    expect(new URL(outOfBandUrl).searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    expect(new URL(outOfBandUrl).searchParams.get('state')).not.toBe(new URL(browserUrl).searchParams.get('state'));
    // The person has no browser here: they stop this run and open the other address elsewhere.
    first.child.kill('SIGINT');
    await first.done;

    const shown = await submitSnacSignInForm(outOfBandUrl, brand);
    expect(shown.status).toBe(200);
    const code = (await shown.text()).trim();
    const add = ['accounts', 'add', 'mastodon', '--server', peers.snac.url, '--code', code];
    expect(await pieuvreJson<Account>(add)).toEqual({ id: expect.any(String), platform: 'mastodon', handle: brand.acct, status: 'connected' });

    const again = await pieuvre(dataDir, add);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr.trim().split('\n')).toEqual([expect.stringContaining('is waiting for a code')]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, ReplyRequest } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { openContractConnector, syncPass } from './contract/facebookTestKit';

// Replies on the Graph contract server: a comment reply under its thread, DMs through the Send API
// with Messenger's windows, and findSent reading the thread for a reply an earlier attempt posted.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
let now = Date.now();
let server: FacebookContractServer;
let connector: Connector;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

type Synced = { externalId: string; threadExternalId: string; kind: string; direction: string; ref: Record<string, unknown> };

async function synced(): Promise<Synced[]> {
  now = Date.now();
  server = await FacebookContractServer.start({ now: () => now });
  server.seed(100, { spanMs: 2 * HOUR_MS });
  connector = openContractConnector(server, { now: () => now }).connector;
  return (await syncPass(connector, {}, now - 7 * DAY_MS)).items as unknown as Synced[];
}

const replyTo = (message: Synced, text: string, messagingTag: ReplyRequest['messagingTag'] = null): ReplyRequest => ({
  threadExternalId: message.threadExternalId,
  threadRef: message.ref,
  inReplyToExternalId: message.kind === 'dm' ? null : message.externalId,
  inReplyToRef: message.ref,
  kind: message.kind === 'dm' ? 'dm' : 'comment',
  text,
  idempotencyKey: 'key-1',
  messagingTag,
});

describe('Facebook replies on the Graph contract server', () => {
  it('answers a reply under its thread’s comment, and findSent finds it after, not before', async () => {
    const items = await synced();
    const reply = items.find((item) => item.kind === 'reply' && item.direction === 'in')!;
    const request = replyTo(reply, 'Merci, on regarde ça tout de suite!');
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toBeNull();
    const sent = await connector.reply(request, AbortSignal.timeout(5_000));
    const posted = server.received('POST', /\/comments$/u);
    expect(posted.map((request) => [request.path, request.body])).toEqual([[`/v26.0/${reply.threadExternalId}/comments`, { message: 'Merci, on regarde ça tout de suite!' }]]);
    expect(server.comments.find((comment) => comment.id === sent.externalId)).toMatchObject({ parentId: reply.threadExternalId, from: server.page });
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toMatchObject({ externalId: sent.externalId });
  });

  it('a DM within 24 hours goes as a RESPONSE to the person’s PSID; findSent finds it in the conversation', async () => {
    const items = await synced();
    const inbound = items.find((item) => item.kind === 'dm' && item.direction === 'in')!;
    const request = replyTo(inbound, 'Bonjour! Votre commande part demain.');
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toBeNull();
    const sent = await connector.reply(request, AbortSignal.timeout(5_000));
    const [send] = server.received('POST', `/v26.0/${server.page.id}/messages`);
    expect(send?.body).toEqual({ recipient: { id: inbound.ref.psid }, messaging_type: 'RESPONSE', message: { text: 'Bonjour! Votre commande part demain.' } });
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toMatchObject({ externalId: sent.externalId });
  });

  it('past 24 hours only a person’s HUMAN_AGENT answer goes, up to 7 days; then Messenger refuses, in words', async () => {
    const items = await synced();
    const inbound = items.find((item) => item.kind === 'dm' && item.direction === 'in')!;
    now += 2 * DAY_MS;
    await expect(connector.reply(replyTo(inbound, 'Désolé du délai'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/outside the messaging window/u) });
    await connector.reply(replyTo(inbound, 'Désolé du délai', 'HUMAN_AGENT'), AbortSignal.timeout(5_000));
    expect(server.received('POST', `/v26.0/${server.page.id}/messages`).at(-1)?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    now += 8 * DAY_MS;
    await expect(connector.reply(replyTo(inbound, 'Toujours là?', 'HUMAN_AGENT'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, ReplyRequest } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { openContractConnector, syncPass } from './contract/facebookTestKit';

// Private replies on the Graph contract server (Messenger Platform, Private Replies): one
// Messenger message to a comment's author, `recipient: { comment_id }`, within 7 days; findSent
// reads the comment's `private_reply_conversation` for one an earlier attempt sent.

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

async function aComment(): Promise<Synced> {
  now = Date.now();
  server = await FacebookContractServer.start({ now: () => now });
  server.seed(60, { spanMs: 2 * HOUR_MS });
  connector = openContractConnector(server, { now: () => now }).connector;
  const items = (await syncPass(connector, {}, now - 7 * DAY_MS)).items as unknown as Synced[];
  return items.find((item) => item.kind === 'reply' && item.direction === 'in')!;
}

const privately = (comment: Synced, text: string): ReplyRequest => ({
  threadExternalId: comment.threadExternalId,
  threadRef: comment.ref,
  inReplyToExternalId: comment.externalId,
  inReplyToRef: comment.ref,
  kind: 'comment',
  text,
  idempotencyKey: 'key-private',
  messagingTag: null,
  privately: true,
});

describe('Facebook private replies on the Graph contract server', () => {
  it('sends one Messenger message to the comment’s author (not the thread’s), which findSent finds after and not before; a second is refused', async () => {
    const comment = await aComment();
    const request = privately(comment, 'Bonjour! Écrivez-nous votre numéro de commande ici.');
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toBeNull();
    const sent = await connector.reply(request, AbortSignal.timeout(5_000));
    const [send] = server.received('POST', `/v26.0/${server.page.id}/messages`);
    expect(send?.body).toEqual({ recipient: { comment_id: comment.externalId }, messaging_type: 'RESPONSE', message: { text: 'Bonjour! Écrivez-nous votre numéro de commande ici.' } });
    expect(server.privateRepliesReceived()).toEqual([{ commentId: comment.externalId, text: 'Bonjour! Écrivez-nous votre numéro de commande ici.' }]);
    expect(sent.ref).toEqual({ kind: 'private_reply', id: sent.externalId, comment: comment.externalId, at: now });
    expect(server.received('POST', /\/comments$/u)).toEqual([]);
    expect(await connector.findSent(request, AbortSignal.timeout(5_000))).toMatchObject({ externalId: sent.externalId, ref: { kind: 'private_reply', comment: comment.externalId } });

    await expect(connector.reply(privately(comment, 'Encore nous'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent' });
    // Other words in the conversation the comment opened: a private reply went from elsewhere, for the person to look at.
    expect(await connector.findSent(privately(comment, 'Autre chose'), AbortSignal.timeout(5_000))).toBe('unknown');
  });

  it('is refused by Messenger past 7 days after the comment', async () => {
    const comment = await aComment();
    now += 8 * DAY_MS;
    await expect(connector.reply(privately(comment, 'Toujours là?'), AbortSignal.timeout(5_000))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/outside the messaging window/u) });
    expect(server.privateRepliesReceived()).toEqual([]);
  });
});

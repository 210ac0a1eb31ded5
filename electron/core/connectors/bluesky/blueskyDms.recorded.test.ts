import { memoryUsageMeter } from '../../accounts/usageMeter';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type Connector, type ReplyRequest } from '../connector';
import { blueskyConnectorFactory } from './blueskyConnectorFactory';
import { DM_CURSOR } from './blueskyDms';
import { RecordedXrpcServer, type Recorded } from '../../testing/recordedXrpcServer';

// Bluesky chat and rate limits against recorded answers (recorded/): no chat service runs on the
// local test network, and its servers never answer 429 on demand. The live tests are the others.

const BRAND = 'did:plc:brand2bsky4recorded7test';
const ALICE = 'did:plc:alice4bsky2recorded7test';
const CONVO = '3lbconvoalice01';
const BASE: Record<string, Recorded> = {
  'app.bsky.notification.listNotifications': { fixture: 'listNotifications.json' },
  'chat.bsky.convo.listConvos': { fixture: 'listConvos.json' },
  'chat.bsky.convo.getMessages': { fixture: 'getMessages.json' },
  'chat.bsky.convo.getLog': { fixture: 'getLog.json' },
  'chat.bsky.convo.sendMessage': { fixture: 'sendMessage.json' },
};

const FIXTURES = fileURLToPath(new URL('recorded', import.meta.url));

let server: RecordedXrpcServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(answers: Record<string, Recorded> = {}): Promise<{ server: RecordedXrpcServer; connector: Connector }> {
  server = await RecordedXrpcServer.start(FIXTURES, { ...BASE, ...answers });
  const secret = JSON.stringify({ service: server.url, did: BRAND, handle: 'brand.bsky.social', accessJwt: 'recorded-access', refreshJwt: 'recorded-refresh', appPassword: 'aaaa-bbbb-cccc-dddd' });
  const account = { id: 'account-1', platform: 'bluesky' as const, externalId: BRAND, handle: 'brand.bsky.social', server: server.url };
  return { server, connector: blueskyConnectorFactory.open(account, secret, { now: () => Date.parse('2026-12-04T16:00:00Z'), fetch, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() }) };
}

const sync = (connector: Connector, cursors: Record<string, string> = {}) =>
  connector.sync({ cursors, signal: AbortSignal.timeout(10_000), backfillSince: Date.parse('2026-11-27T16:00:00Z'), recheck: [] });

const dmRequest = (text: string): ReplyRequest => ({ threadExternalId: CONVO, threadRef: null, inReplyToExternalId: null, inReplyToRef: null, kind: 'dm', text, idempotencyKey: 'dm-key-1', messagingTag: null });

describe('Bluesky DMs (recorded answers)', () => {
  it('backfills the conversations active since the backfill date, the people’s messages only, through the chat proxy', async () => {
    const { server, connector } = await open();
    const page = await sync(connector);
    expect(page.items).toEqual([
      expect.objectContaining({
        platform: 'bluesky',
        kind: 'dm',
        externalId: `${CONVO}/3lbmsg0003`,
        threadExternalId: CONVO,
        author: expect.objectContaining({ externalId: ALICE, handle: 'alice.bsky.social', name: 'Alice Tremblay' }),
        createdAt: Date.parse('2026-12-04T15:02:00.000Z'),
        ref: { convoId: CONVO, messageId: '3lbmsg0003' },
        attachments: [{ kind: 'link', url: 'https://example.com/hours', alt: null }],
      }),
    ]);
    expect(page.cursors[DM_CURSOR]).toBe('2222222222223');
    expect(server.calls('chat.bsky.convo.getMessages').map((call) => call.query.get('convoId'))).toEqual([CONVO]);
    const chatCalls = server.received.filter((call) => call.nsid.startsWith('chat.'));
    expect(chatCalls.every((call) => call.headers['atproto-proxy'] === 'did:web:api.bsky.chat#bsky_chat')).toBe(true);
  });

  it('follows the change log from the stored cursor: new messages as items, deletions as updates', async () => {
    const { server, connector } = await open();
    const page = await sync(connector, { [DM_CURSOR]: '2222222222223', notifications: '2026-12-04T00:00:00.000Z' });
    expect(server.calls('chat.bsky.convo.getLog').map((call) => call.query.get('cursor'))).toEqual(['2222222222223']);
    expect(page.items).toEqual([expect.objectContaining({ externalId: `${CONVO}/3lbmsg0004`, text: 'And on holidays?', author: expect.objectContaining({ handle: 'alice.bsky.social' }) })]);
    expect(page.updates).toEqual([{ change: 'deleted', platform: 'bluesky', externalId: `${CONVO}/3lbmsg0003`, deletedAt: Date.parse('2026-12-04T16:00:00Z') }]);
    expect(page.cursors[DM_CURSOR]).toBe('2222222222226');
  });

  it('answers with sendMessage, and finds an answer the conversation already shows instead of sending it again', async () => {
    const { server, connector } = await open();
    const sent = await connector.reply(dmRequest('Yes, from 10 to 4!'), AbortSignal.timeout(10_000));
    expect(sent).toEqual({ externalId: `${CONVO}/3lbmsg0005`, createdAt: Date.parse('2026-12-04T15:06:00.000Z'), permalink: null, ref: { convoId: CONVO, messageId: '3lbmsg0005' } });
    expect(server.calls('chat.bsky.convo.sendMessage').map((call) => call.body)).toEqual([{ convoId: CONVO, message: { text: 'Yes, from 10 to 4!' } }]);
    expect(await connector.findSent(dmRequest('Yes, from 10 to 4!'), AbortSignal.timeout(10_000))).toBeNull();

    // The brand's "Hello! How can we help?" is older than Alice's last message: not this answer.
    expect(await connector.findSent(dmRequest('Hello! How can we help?'), AbortSignal.timeout(10_000))).toBeNull();
    server.answers.set('chat.bsky.convo.getMessages', { fixture: 'getMessagesAnswered.json' });
    const again = await connector.reply(dmRequest('Yes, from 10 to 4!'), AbortSignal.timeout(10_000));
    expect(again.externalId).toBe(`${CONVO}/3lbmsg0005`);
    expect(server.calls('chat.bsky.convo.sendMessage')).toHaveLength(1);
  });

  it('skips DMs with a notice when the app password does not allow them, without renewing the session or failing the sync', async () => {
    const { server, connector } = await open({ 'chat.bsky.convo.listConvos': { status: 400, fixture: 'chatNotAllowed.json' } });
    const page = await sync(connector);
    expect(page.notice).toEqual({ code: 'dms_not_allowed', message: expect.stringContaining('direct messages') });
    expect(page.cursors.notifications).toBeDefined();
    expect(server.calls('com.atproto.server.refreshSession')).toEqual([]);
  });

  it('gives rate_limited with the wait from Retry-After, else from ratelimit-reset', async () => {
    const { connector, server } = await open({ 'app.bsky.notification.listNotifications': { status: 429, headers: { 'retry-after': '30' }, fixture: 'rateLimited.json' } });
    const limited = await sync(connector).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ConnectorError);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });

    const reset = Date.parse('2026-12-04T16:05:00Z') / 1000;
    server.answers.set('app.bsky.notification.listNotifications', { status: 429, headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) }, fixture: 'rateLimited.json' });
    await expect(sync(connector)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 5 * 60_000 });
  });
});

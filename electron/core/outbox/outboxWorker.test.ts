import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract';
import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import { ConnectorError, type ReplyLimits } from '../connectors/connector';
import { DEMO_LIMITS } from '../connectors/demo/demoLimits';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { ScriptedConnector, type ScriptStep } from '../testing/scriptedConnector';
import { DEFAULT_BACKOFF } from './backoff';

const fixture = useCoreWithAccount();
const UNDO_MS = 10_000;

async function conversationWith(script: ScriptStep[], options: { dedupesByKey?: boolean; canLookUp?: boolean; limits?: ReplyLimits; item?: IncomingItemInput } = {}) {
  const { core, accountId } = fixture;
  const connector = new ScriptedConnector(script, { ...options, now: () => core.now.value });
  core.context.connectors.register(accountId, connector);
  fixture.ingest([options.item ?? commentItem({ n: 1 })]);
  const [conversation] = (await core.call('conversations.list', {})).items;
  if (!conversation) throw new Error('The test conversation was not stored.');
  return { connector, conversationId: conversation.id };
}

const send = (conversationId: string, overrides: Partial<MethodInput<'outbox.send'>> = {}) =>
  fixture.core.call('outbox.send', { conversationId, text: 'Merci, on s’en occupe!', idempotencyKey: 'draft-0001', when: { kind: 'now' }, ...overrides });

/** Moves the clock and lets the outbox send whatever became due. */
async function after(ms: number) {
  fixture.core.now.value += ms;
  await fixture.core.outbox.drain();
}

const itemOf = async (id: string) => (await fixture.core.call('outbox.list', { scope: 'all' })).find((item) => item.id === id);
const outboundTexts = async (conversationId: string) =>
  (await fixture.core.call('conversations.get', { id: conversationId })).messages.filter((message) => message.direction === 'out').map((message) => message.text);

describe('outbox: undo and edit', () => {
  it('holds a reply for the undo delay; pulled back in time, it never leaves', async () => {
    const { connector, conversationId } = await conversationWith([]);
    const queued = await send(conversationId);
    expect(queued).toMatchObject({ state: 'queued', notBefore: fixture.core.now.value + UNDO_MS, scheduledFor: null, recipient: 'Fan 1' });
    await after(UNDO_MS - 1);
    expect(connector.posted).toEqual([]);
    expect(await fixture.core.call('outbox.cancel', { id: queued.id })).toMatchObject({ state: 'cancelled' });
    await after(UNDO_MS);
    expect(connector.posted).toEqual([]);
    expect(await outboundTexts(conversationId)).toEqual([]);
  });

  it('sends at the end of the delay, answering the message the writer saw, once; then it is too late to undo or edit', async () => {
    const { connector, conversationId } = await conversationWith([]);
    const queued = await send(conversationId);
    fixture.ingest([commentItem({ n: 2, thread: 'thread-1', createdAt: fixture.core.now.value + 1_000 })]);
    await after(UNDO_MS);
    expect(connector.posted).toMatchObject([{ inReplyToExternalId: 'msg-1', kind: 'comment', text: 'Merci, on s’en occupe!', idempotencyKey: 'draft-0001' }]);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 0, sentAt: fixture.core.now.value });
    expect(await outboundTexts(conversationId)).toEqual(['Merci, on s’en occupe!']);
    const tooLate = await fixture.core.client.call('outbox.cancel', { id: queued.id });
    expect(tooLate).toEqual({ ok: false, error: { code: 'conflict', message: 'Too late to cancel this reply (it is sent).' } });
    expect((await fixture.core.client.call('outbox.edit', { id: queued.id, text: 'Autre chose' })).ok).toBe(false);
  });

  it('edits the text and time of a waiting reply', async () => {
    const { connector, conversationId } = await conversationWith([]);
    const queued = await send(conversationId);
    const at = fixture.core.now.value + 3_600_000;
    expect(await fixture.core.call('outbox.edit', { id: queued.id, text: 'Bonjour! C’est réglé.', when: { kind: 'at', at } })).toMatchObject({ notBefore: at, scheduledFor: at, text: 'Bonjour! C’est réglé.' });
    await after(3_599_999);
    expect(connector.posted).toEqual([]);
    await after(1);
    expect(connector.posted.map((request) => request.text)).toEqual(['Bonjour! C’est réglé.']);
  });

  it('refuses a known key for another text: a key names one reply', async () => {
    const { conversationId } = await conversationWith([]);
    await send(conversationId);
    const other = await fixture.core.client.call('outbox.send', { conversationId, text: 'Autre texte', idempotencyKey: 'draft-0001', when: { kind: 'now' } });
    expect(other).toEqual({ ok: false, error: { code: 'conflict', message: 'idempotencyKey: draft-0001 already names another reply.' } });
  });

  it('rejects bad input naming the field', async () => {
    const { conversationId } = await conversationWith([]);
    const past = await fixture.core.client.call('outbox.send', { conversationId, text: 'x', idempotencyKey: 'draft-0002', when: { kind: 'at', at: fixture.core.now.value - 1 } });
    expect(past).toEqual({ ok: false, error: { code: 'invalid_input', message: 'when.at: this time has already passed.' } });
    const blank = await fixture.core.client.call('outbox.send', { conversationId, text: '   ', idempotencyKey: 'draft-0002', when: { kind: 'now' } });
    expect(blank.ok ? '' : blank.error.message).toMatch(/^outbox.send: text: /);
    const noChange = await fixture.core.client.call('outbox.edit', { id: 'x' });
    expect(noChange.ok ? '' : noChange.error.message).toMatch(/An edit needs a new text or a new time/);
  });
});

describe('outbox: failures and retries', () => {
  it('fails at once with the platform’s reason on a refusal; refused means not there, so a retry posts without asking', async () => {
    const { connector, conversationId } = await conversationWith([new ConnectorError('This comment was hidden: replies are closed', 'permanent')]);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'failed', lastError: 'This comment was hidden: replies are closed', attempts: 1, mayHaveReached: false });
    await fixture.core.call('outbox.retry', { id: queued.id });
    await fixture.core.outbox.drain();
    expect(connector.lookups).toHaveLength(0);
    expect(connector.posted).toHaveLength(1);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', lastError: null });
  });

  it('backs off exponentially on 5xx, then gives up with the reason', async () => {
    const errors = Array.from({ length: DEFAULT_BACKOFF.maxAttempts }, () => new ConnectorError('503 Service Unavailable', 'transient'));
    const { connector, conversationId } = await conversationWith(errors);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    for (let attempt = 1; attempt < DEFAULT_BACKOFF.maxAttempts; attempt += 1) {
      const item = await itemOf(queued.id);
      const wait = (item?.notBefore ?? 0) - fixture.core.now.value;
      const expected = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
      expect(item).toMatchObject({ state: 'queued', attempts: attempt, lastError: '503 Service Unavailable' });
      expect(wait).toBeGreaterThanOrEqual(expected * 0.8);
      expect(wait).toBeLessThanOrEqual(expected * 1.2);
      await after(wait);
    }
    expect(await itemOf(queued.id)).toMatchObject({ state: 'failed', lastError: `Gave up after ${DEFAULT_BACKOFF.maxAttempts} attempts: 503 Service Unavailable` });
    expect(connector.posted).toEqual([]);
  });

  it('honours Retry-After on 429 for the whole account, without giving up', async () => {
    const { connector, conversationId } = await conversationWith([new ConnectorError('429 Too Many Requests', 'rate_limited', 120_000)]);
    const first = await send(conversationId);
    const second = await send(conversationId, { idempotencyKey: 'draft-0002', text: 'Deuxième réponse' });
    await after(UNDO_MS);
    expect(await itemOf(first.id)).toMatchObject({ state: 'queued', notBefore: fixture.core.now.value + 120_000 });
    expect(await itemOf(second.id)).toMatchObject({ state: 'queued', attempts: 0 });
    await after(119_999);
    expect(connector.posted).toEqual([]);
    await after(1);
    expect(connector.posted.map((request) => request.idempotencyKey)).toEqual(['draft-0001', 'draft-0002']);
  });

  it('waits for its account to connect, and goes as soon as it does', async () => {
    const { core, accountId } = fixture;
    fixture.ingest([commentItem({ n: 1 })]);
    const [conversation] = (await core.call('conversations.list', {})).items;
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const queued = await send(conversation?.id ?? '');
    await core.outbox.drain();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', attempts: 0 });
    const connector = new ScriptedConnector([], { now: () => core.now.value });
    core.context.connectors.register(accountId, connector);
    await core.outbox.drain();
    expect(connector.posted).toHaveLength(1);
  });

  it('waits for the network while offline, however long it takes', async () => {
    const offline = Array.from({ length: 20 }, () => new ConnectorError('getaddrinfo ENOTFOUND graph.facebook.com', 'offline'));
    const { connector, conversationId } = await conversationWith(offline);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    for (let tries = 0; tries < 20; tries += 1) await after(60_000);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 0 });
    expect(connector.posted).toHaveLength(1);
  });

  it('counts only failures that say something about the reply: after many offline and rate-limited tries, a 5xx backs off from the start', async () => {
    const waits = [
      ...Array.from({ length: DEFAULT_BACKOFF.maxAttempts + 2 }, () => new ConnectorError('ENETUNREACH', 'offline')),
      ...Array.from({ length: DEFAULT_BACKOFF.maxAttempts }, () => new ConnectorError('429 Too Many Requests', 'rate_limited', 1_000)),
    ];
    const { connector, conversationId } = await conversationWith([...waits, new ConnectorError('503 Service Unavailable', 'transient')]);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    while (connector.script.length > 0) {
      const waiting = await itemOf(queued.id);
      expect(waiting).toMatchObject({ state: 'queued', attempts: 0 });
      await after((waiting?.notBefore ?? 0) - fixture.core.now.value);
    }
    const afterServerError = await itemOf(queued.id);
    expect(afterServerError).toMatchObject({ state: 'queued', attempts: 1, lastError: '503 Service Unavailable' });
    expect((afterServerError?.notBefore ?? 0) - fixture.core.now.value).toBeLessThanOrEqual(DEFAULT_BACKOFF.baseMs * 1.2);
    await after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(connector.posted).toHaveLength(1);
  });
});

describe('outbox: never twice', () => {
  it('finds a reply the platform took before a timeout, instead of posting it again', async () => {
    const { connector, conversationId } = await conversationWith([{ acceptThen: new ConnectorError('socket hang up', 'transient') }]);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', attempts: 1 });
    await after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(connector.posted).toHaveLength(1);
    expect(await outboundTexts(conversationId)).toEqual(['Merci, on s’en occupe!']);
  });

  it('a reply that never left (offline, rate-limited) is never held for a check, even where the platform cannot tell', async () => {
    const script = [new ConnectorError('ENETUNREACH', 'offline'), new ConnectorError('429', 'rate_limited', 1_000)];
    const { connector, conversationId } = await conversationWith(script, { canLookUp: false });
    const queued = await send(conversationId);
    await after(UNDO_MS);
    await after(60_000);
    await after(60_000);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 0, mayHaveReached: false });
    expect(connector.lookups).toEqual([]);
  });

  it('once an attempt may have reached the platform, the reply can no longer be edited or cancelled: only tried again', async () => {
    const { conversationId } = await conversationWith([{ acceptThen: new ConnectorError('socket hang up', 'transient') }]);
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', mayHaveReached: true });
    const refusal = { ok: false, error: { code: 'conflict', message: 'It may already be on the platform: try again (Pieuvre looks there first) or check the conversation on the platform.' } };
    expect(await fixture.core.client.call('outbox.cancel', { id: queued.id })).toEqual(refusal);
    expect(await fixture.core.client.call('outbox.edit', { id: queued.id, text: 'Autre chose' })).toEqual(refusal);
  });

  it('recovers a send a crash interrupted: found on the platform, it is recorded, not re-sent', async () => {
    const { connector, conversationId } = await conversationWith([]);
    const queued = await send(conversationId);
    await connector.reply({ threadExternalId: 'thread-1', threadRef: null, inReplyToExternalId: 'msg-1', inReplyToRef: null, kind: 'comment', text: queued.text, idempotencyKey: 'draft-0001', messagingTag: null }, new AbortController().signal);
    crashMidSend(queued.id);
    fixture.core.outbox.start();
    await fixture.core.outbox.drain();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 0, mayHaveReached: true });
    expect(connector.posted).toHaveLength(1);
    expect(await outboundTexts(conversationId)).toEqual(['Merci, on s’en occupe!']);
  });

  it('in a team, sends only for an account whose lease it holds; taking the lease, it checks the platform for a send another desktop left under way', async () => {
    const { core, accountId } = fixture;
    const { connector, conversationId } = await conversationWith([]);
    const held = new Set<string>();
    core.accountGate.follow({ mayWork: (id) => held.has(id) });
    const queued = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(connector.posted).toHaveLength(0);

    // The holder claimed it, posted it and died; its claim came here with the shared outbox.
    await connector.reply({ threadExternalId: 'thread-1', threadRef: null, inReplyToExternalId: 'msg-1', inReplyToRef: null, kind: 'comment', text: queued.text, idempotencyKey: 'draft-0001', messagingTag: null }, new AbortController().signal);
    crashMidSend(queued.id);
    core.outbox.start();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sending', mayHaveReached: false });

    held.add(accountId);
    core.accountGate.changed();
    await core.outbox.drain();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', mayHaveReached: true });
    expect(connector.posted).toHaveLength(1);
    expect(await outboundTexts(conversationId)).toEqual(['Merci, on s’en occupe!']);
  });

  it('holds an interrupted send for the person when the platform cannot tell; their retry sends it', async () => {
    const { connector, conversationId } = await conversationWith([], { canLookUp: false });
    const queued = await send(conversationId);
    crashMidSend(queued.id);
    fixture.core.outbox.start();
    await fixture.core.outbox.drain();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'needs_check', lastError: expect.stringMatching(/may have reached the platform/) });
    expect(connector.posted).toEqual([]);
    expect(await fixture.core.call('outbox.counts', {})).toEqual({ pending: 0, problems: 1, needsCheck: 1 });
    await fixture.core.call('outbox.retry', { id: queued.id });
    await fixture.core.outbox.drain();
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent' });
    expect(connector.posted).toHaveLength(1);
  });

  it('simply sends again where the platform drops duplicates by key', async () => {
    const { connector, conversationId } = await conversationWith([{ acceptThen: new ConnectorError('502 Bad Gateway', 'transient') }], { dedupesByKey: true });
    const queued = await send(conversationId);
    await after(UNDO_MS);
    await after(DEFAULT_BACKOFF.baseMs * 1.2);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(connector.lookups).toEqual([]);
    expect(connector.posted).toHaveLength(1);
  });
});

describe('outbox: platform rules', () => {
  it('refuses to queue what the platform would refuse, saying why', async () => {
    const { conversationId } = await conversationWith([], { limits: DEMO_LIMITS.x });
    const check = await fixture.core.call('replies.check', { conversationId, text: 'a'.repeat(281) });
    expect(check).toMatchObject({ length: 281, maxLength: 280, lengthUnit: 'twitter-weighted', problems: [{ code: 'too_long' }] });
    const refused = await fixture.core.client.call('outbox.send', { conversationId, text: 'a'.repeat(281), idempotencyKey: 'draft-long', when: { kind: 'now' } });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The reply is 281 long; this platform takes at most 280.' } });
  });

  it('checks again just before sending: a comment hidden meanwhile on Instagram fails with the reason, unsent', async () => {
    const { connector, conversationId } = await conversationWith([], { limits: DEMO_LIMITS.instagram });
    const queued = await send(conversationId);
    fixture.core.context.db.prepare("UPDATE messages SET is_hidden = 1 WHERE external_id = 'msg-1'").run();
    await after(UNDO_MS);
    expect(await itemOf(queued.id)).toMatchObject({ state: 'failed', lastError: 'This comment is hidden on the platform, which takes no reply to it.' });
    expect(connector.posted).toEqual([]);
  });

  it('past 24 hours a person’s DM goes as HUMAN_AGENT; one waiting out an outage past 7 days fails rather than sending into a rejection', async () => {
    const dm = commentItem({ n: 1, kind: 'dm', post: null, createdAt: fixture.core.now.value });
    const { connector, conversationId } = await conversationWith([], { item: dm });
    fixture.core.now.value += 2 * 86_400_000;
    const humanAgent = await send(conversationId);
    await after(UNDO_MS);
    expect(await itemOf(humanAgent.id)).toMatchObject({ state: 'sent' });
    expect(connector.posted.map((request) => request.messagingTag)).toEqual(['HUMAN_AGENT']);

    connector.script.push(...Array.from({ length: 400 }, () => new ConnectorError('ENETUNREACH', 'offline')));
    const late = await send(conversationId, { idempotencyKey: 'draft-0002' });
    await after(UNDO_MS);
    fixture.core.now.value += 5 * 86_400_000;
    await after(0);
    expect(await itemOf(late.id)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^The platform's reply window for this conversation closed at /) });
    expect(connector.posted).toHaveLength(1);
  });
});

/** What a SIGKILL between the claim and the answer leaves behind (the crash test does it for real). */
function crashMidSend(id: string) {
  fixture.core.context.db.prepare("UPDATE outbox SET state = 'sending', not_before = ? WHERE id = ?").run(fixture.core.now.value, id);
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../../shared/domain/platform';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { ReplyRequest } from '../connector';
import type { DemoConnectorOptions } from './demoConnector';
import { DemoConnector, STREAM_CURSOR } from './demoConnector';
import { fileReceivedLog, readReceivedLog, readReceivedModerations } from './demoReceivedLog';
import { demoSchedule } from './demoSchedule';
import { generateDemoItems } from './generateDemoItems';

const STARTED_AT = 1_760_000_000_000;
const HOUR = 3_600_000;

function connectorAt(platform: Platform, overrides: Partial<DemoConnectorOptions> = {}) {
  const clock = { now: STARTED_AT - 1 };
  const options: DemoConnectorOptions = {
    seed: 3,
    platform,
    startedAt: STARTED_AT,
    backlogCount: 25,
    backlogWindowMs: HOUR,
    ratePerMinute: 2,
    pageSize: 10,
    now: () => clock.now,
    ...overrides,
  };
  return { connector: new DemoConnector(options), clock, options };
}

/** One sync page, read as the version-1 poll it replaces: the items and where the stream cursor ends. */
async function poll(connector: DemoConnector, cursor: string | null) {
  const page = await connector.sync({ cursors: cursor === null ? {} : { [STREAM_CURSOR]: cursor }, signal: new AbortController().signal, backfillSince: 0, recheck: [] });
  return { items: page.items as IncomingItemInput[], nextCursor: page.cursors[STREAM_CURSOR] ?? cursor };
}

const reply = (text: string, overrides: Partial<ReplyRequest> = {}): ReplyRequest => ({
  threadExternalId: 'demo-x-s3-m0',
  threadRef: null,
  inReplyToExternalId: 'demo-x-s3-m0',
  inReplyToRef: null,
  kind: 'comment',
  text,
  idempotencyKey: 'key-1',
  messagingTag: null,
  ...overrides,
});

describe('DemoConnector.sync', () => {
  it('pages through the backlog, then waits for the clock', async () => {
    const { connector } = connectorAt('x');
    const first = await poll(connector, null);
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).toBe('10');
    const second = await poll(connector, '10');
    expect(second.nextCursor).toBe('20');
    const third = await poll(connector, '20');
    expect(third.items).toHaveLength(5);
    expect(third.nextCursor).toBe('25');
    expect(await poll(connector, '25')).toEqual({ items: [], nextCursor: '25' });
  });

  it('hands out the generated items, backlog inside its window', async () => {
    const { connector, options } = connectorAt('instagram');
    const polled = [...(await poll(connector, null)).items, ...(await poll(connector, '10')).items, ...(await poll(connector, '20')).items];
    expect(polled).toEqual(generateDemoItems({ seed: 3, platform: 'instagram', startIndex: 0, count: 25, times: demoSchedule(options) }));
    const createdAt = polled.map((item) => Number(item.createdAt));
    expect(createdAt).toEqual([...createdAt].sort((a, b) => a - b));
    for (const time of createdAt) {
      expect(time).toBeGreaterThanOrEqual(STARTED_AT - HOUR);
      expect(time).toBeLessThan(STARTED_AT);
    }
  });

  it('lets live items in as the clock moves, at the configured rate', async () => {
    const { connector, clock } = connectorAt('bluesky', { pageSize: 100 });
    expect((await poll(connector, null)).nextCursor).toBe('25');
    clock.now = STARTED_AT + 60_000 - 1;
    const live = await poll(connector, '25');
    expect(live.items).toHaveLength(2);
    expect(live.nextCursor).toBe('27');
    for (const item of live.items) expect(item.createdAt).toBeGreaterThanOrEqual(STARTED_AT);
    expect(await poll(connector, '27')).toEqual({ items: [], nextCursor: '27' });
    clock.now = STARTED_AT + 10 * 60_000 - 1;
    expect((await poll(connector, '27')).nextCursor).toBe('45');
  });

  it('returns nothing and keeps a null cursor before the backlog starts', async () => {
    const { connector, clock } = connectorAt('youtube');
    clock.now = STARTED_AT - 2 * HOUR;
    expect(await poll(connector, null)).toEqual({ items: [], nextCursor: null });
  });

  it('never lets live items in when the rate is 0', async () => {
    const { connector, clock } = connectorAt('x', { ratePerMinute: 0, pageSize: 100 });
    clock.now = STARTED_AT + 365 * 24 * HOUR;
    expect((await poll(connector, null)).nextCursor).toBe('25');
    expect((await poll(connector, '25')).items).toEqual([]);
  });

  it('rejects a malformed cursor, naming it', async () => {
    const { connector } = connectorAt('x');
    for (const cursor of ['abc', '-1', '1.5', '', '07', ' 3', '99999999999999999999']) {
      await expect(poll(connector, cursor)).rejects.toThrow(JSON.stringify(cursor));
    }
  });
});

describe('DemoConnector.reply', () => {
  it('posts every call, as a platform without idempotency does, and finds a posted reply by its key', async () => {
    const { connector, clock } = connectorAt('x');
    expect(await connector.findSent(reply('Merci!'))).toBeNull();
    const sent = await connector.reply(reply('Merci!'));
    expect(sent.createdAt).toBe(clock.now);
    expect(sent.permalink).toMatch(/^https:\/\/x\.com\/BrulerieCastor\/status\//);
    expect(await connector.findSent(reply('Merci!'))).toEqual(sent);
    await connector.reply(reply('Merci!'));
    const other = await connector.reply(reply('Merci encore!', { idempotencyKey: 'key-2' }));
    expect(other.externalId).not.toBe(sent.externalId);
    expect(connector.receivedReplies.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('keeps what it received in a file that outlives the connector', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pieuvre-demo-log-')), 'received.jsonl');
    const first = connectorAt('mastodon', { received: fileReceivedLog(path) }).connector;
    const sent = await first.reply(reply('Bonjour!'));
    const second = connectorAt('mastodon', { received: fileReceivedLog(path) }).connector;
    expect(await second.findSent(reply('Bonjour!'))).toEqual(sent);
    expect(readReceivedLog(path).map(({ request }) => request.text)).toEqual(['Bonjour!']);
  });

  it('refuses replies over the platform limit, counted its way', async () => {
    const { connector: x } = connectorAt('x');
    await expect(x.reply(reply('a'.repeat(280)))).resolves.toMatchObject({ externalId: expect.stringMatching(/^demo-x-/) });
    await expect(x.reply(reply('a'.repeat(281), { idempotencyKey: 'k2' }))).rejects.toThrow(/281 twitter-weighted.*280/);
    await expect(x.reply(reply('漢'.repeat(141), { idempotencyKey: 'k3' }))).rejects.toThrow(/282/);
    const { connector: bluesky } = connectorAt('bluesky');
    await expect(bluesky.reply(reply('👍🏽'.repeat(300)))).resolves.toMatchObject({ externalId: expect.stringMatching(/^demo-bluesky-/) });
    await expect(bluesky.reply(reply('é'.repeat(301), { idempotencyKey: 'k2' }))).rejects.toThrow(/300/);
    expect(bluesky.receivedReplies).toHaveLength(1);
  });

  it('holds DMs to the DM limit, and refuses them where there are none', async () => {
    const { connector: facebook } = connectorAt('facebook');
    await expect(facebook.reply(reply('a'.repeat(2001)))).resolves.toMatchObject({ externalId: expect.stringMatching(/^demo-facebook-/) });
    await expect(facebook.reply(reply('a'.repeat(2001), { kind: 'dm', idempotencyKey: 'k2' }))).rejects.toThrow(/2000/);
    const { connector: youtube } = connectorAt('youtube');
    await expect(youtube.reply(reply('Hi', { kind: 'dm' }))).rejects.toThrow(/no direct messages/);
    await expect(youtube.reply(reply('   '))).rejects.toThrow(/needs some text/);
  });

  it('records moderation requests, idempotently: hiding twice and deleting twice both succeed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pieuvre-demo-log-')), 'received.jsonl');
    const { connector } = connectorAt('instagram', { received: fileReceivedLog(path) });
    const hide = { action: 'hide', messageExternalId: 'm1', messageRef: null, authorExternalId: 'u1', undoRef: null, reason: null } as const;
    await connector.moderate(hide);
    await connector.moderate(hide);
    await connector.moderate({ ...hide, action: 'delete' });
    await connector.moderate({ ...hide, action: 'delete' });
    expect(connector.receivedModerations.map((request) => request.action)).toEqual(['hide', 'hide', 'delete', 'delete']);
    // The platform outlives the app: a new connector on the same log knows the comment is gone.
    const later = connectorAt('instagram', { received: fileReceivedLog(path) }).connector;
    await expect(later.moderate({ ...hide, action: 'unhide' })).rejects.toMatchObject({ kind: 'permanent', message: 'Demo instagram: comment m1 was deleted' });
    expect(readReceivedLog(path)).toEqual([]);
    expect(readReceivedModerations(path)).toHaveLength(4);
  });

  it('declares each platform’s moderation and refuses the rest for good', async () => {
    expect(connectorAt('x').connector.moderation).toEqual(['hide', 'unhide']);
    expect(connectorAt('mastodon').connector.moderation).toEqual(['block_author', 'mark_spam']);
    const { connector: mastodon } = connectorAt('mastodon');
    await expect(mastodon.moderate({ action: 'hide', messageExternalId: 'm1', messageRef: null, authorExternalId: 'u1', undoRef: null, reason: null })).rejects.toMatchObject({
      name: 'ConnectorError',
      kind: 'permanent',
      message: 'Demo mastodon: the API offers no way to hide',
    });
    expect(mastodon.receivedModerations).toEqual([]);
  });

  it('has realistic limits per platform', () => {
    expect(connectorAt('x').connector.limits).toMatchObject({ maxLength: 280, lengthUnit: 'twitter-weighted' });
    expect(connectorAt('bluesky').connector.limits).toMatchObject({ maxLength: 300, lengthUnit: 'graphemes', dmMaxLength: 1000 });
    expect(connectorAt('mastodon').connector.limits).toMatchObject({ maxLength: 500, lengthUnit: 'characters' });
    expect(connectorAt('facebook').connector.limits).toMatchObject({ maxLength: 8000, dmReplyWindowMs: 86_400_000 });
    expect(connectorAt('instagram').connector.limits).toMatchObject({ maxLength: 2200, dmReplyWindowMs: 86_400_000 });
    expect(connectorAt('youtube').connector.limits).toMatchObject({ maxLength: 10_000 });
  });
});

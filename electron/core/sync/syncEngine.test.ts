import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { memoryLog } from '../testing/memoryLog';
import { ScriptedSyncPlatform } from '../testing/scriptedSyncPlatform';
import { createTestCore, type TestCore } from '../testing/testCore';
import { cursorsOf } from '../store/accounts';
import { OFFLINE_RETRY_MS } from './syncProblem';
import { RECHECK_LIMIT } from './recentRefs';

const item = (n: number) => commentItem({ n, platform: 'mastodon' });
const SERVER_ERROR = () => new ConnectorError('502 Bad Gateway', 'transient');

let core: TestCore | undefined;
afterEach(() => core?.close());

/** An in-memory core whose sync engine runs on timers the test fires, with one Mastodon account syncing from a scripted platform. */
function setUp() {
  const timers = new ManualTimers();
  const { log, lines } = memoryLog();
  core = createTestCore({ log, sync: { timers, random: () => 0.5 } });
  const platform = new ScriptedSyncPlatform();
  const accountId = addAccount(core.context.db, 'mastodon', 'https://social.example/users/brand');
  core.context.connectors.register(accountId, platform.open({ id: accountId, platform: 'mastodon', externalId: 'x', handle: 'brand', server: null }, 'token'));
  return { core, timers, platform, accountId, connector: platform.opened[0]!.connector, logged: lines };
}

const stateOf = (core: TestCore, accountId: string) => core.call('accounts.list', {}).then((accounts) => accounts.find((a) => a.id === accountId));

describe('sync engine', () => {
  it('asks page after page while there is more, ingesting each and storing its cursors, then waits the jittered interval', async () => {
    const { core, timers, platform, accountId } = setUp();
    platform.steps.push(
      { items: [item(1), item(2)], cursors: { notifications: 'n2', backfill: 'b1' }, hasMore: true, progress: 0.5 },
      { items: [item(3)], cursors: { backfill: null, notifications: 'n3' }, hasMore: false },
    );
    core.sync.start(accountId, 0);
    expect(timers.scheduled()).toEqual([0]);
    timers.fireAll();
    const summary = await core.sync.syncNow(accountId);

    expect(summary).toEqual({ id: accountId, inserted: 3, updated: 0, duplicates: 0, rejected: 0 });
    expect(platform.requests.map((request) => request.cursors)).toEqual([{}, { notifications: 'n2', backfill: 'b1' }]);
    expect(cursorsOf(core.context.db, accountId)).toEqual({ notifications: 'n3' });
    // Default interval 60 s, jitter ±10 % (random 0.5: the middle).
    expect(timers.scheduled()).toEqual([60_000]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', lastSyncAt: core.now.value, lastProblem: null });
  });

  it('reads back the backfill days on a first sync and shows its progress while a page is out', async () => {
    const { core, platform, accountId } = setUp();
    await core.call('accounts.updateSettings', { backfillDays: 3 });
    const second = platform.hold();
    platform.steps.unshift({ items: [item(1)], cursors: { backfill: 'b1' }, hasMore: true, progress: 0.25 });
    core.sync.start(accountId, 0);
    const pass = core.sync.syncNow(accountId);
    await expect.poll(() => platform.requests.length).toBe(2);

    expect(platform.requests[0]?.backfillSince).toBe(core.now.value - 3 * 86_400_000);
    // The second page is asked for while the first is being stored: its progress shows once it is.
    await expect.poll(() => stateOf(core, accountId)).toMatchObject({ state: 'syncing', backfillProgress: 0.25 });
    second.release({ cursors: { backfill: null } });
    await pass;
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', backfillProgress: null });
  });

  it('stores a page’s cursors only once it is ingested: a pass that dies in between replays the page, nothing lost', async () => {
    const { core, platform, accountId } = setUp();
    const ingest = core.context.ingest;
    core.context.ingest = () => {
      core.context.ingest = ingest;
      throw new Error('The process died while storing the page.');
    };
    const page = { items: [item(1), item(2)], cursors: { notifications: 'n2' } };
    platform.steps.push(page, page);
    core.sync.start(accountId, 0);

    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/process died/);
    expect(cursorsOf(core.context.db, accountId)).toEqual({});
    expect(await core.sync.syncNow(accountId)).toMatchObject({ inserted: 2 });
    expect(platform.requests.map((request) => request.cursors)).toEqual([{}, {}]);
    expect(cursorsOf(core.context.db, accountId)).toEqual({ notifications: 'n2' });
  });

  it('asks for the next page while storing this one, and abandons that read-ahead when storing fails', async () => {
    const { core, platform, accountId } = setUp();
    const ingest = core.context.ingest;
    const askedBeforeStored: number[] = [];
    core.context.ingest = (batch) => {
      askedBeforeStored.push(platform.requests.length);
      core.context.ingest = () => {
        throw new Error('The disk is full.');
      };
      return ingest(batch);
    };
    platform.steps.push({ items: [item(1)], cursors: { notifications: 'n1' }, hasMore: true }, { items: [item(2)], cursors: { notifications: 'n2' }, hasMore: true });
    platform.hold();
    core.sync.start(accountId, 0);

    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/disk is full/);
    expect(askedBeforeStored).toEqual([2]);
    expect(platform.requests.map((request) => request.cursors)).toEqual([{}, { notifications: 'n1' }, { notifications: 'n2' }]);
    // The page read ahead of the one that failed is called off; the cursors stay where storing stopped.
    expect(platform.requests[2]?.signal.aborted).toBe(true);
    expect(cursorsOf(core.context.db, accountId)).toEqual({ notifications: 'n1' });
  });

  it('hands the page’s updates to ingest: an edit on the platform changes the stored message', async () => {
    const { core, platform, accountId } = setUp();
    platform.steps.push({ items: [item(1)] }, { updates: [{ change: 'edited', platform: 'mastodon', externalId: 'msg-1', text: 'Edited on the server', editedAt: core.now.value }] });
    core.sync.start(accountId, 0);
    await core.sync.syncNow(accountId);

    expect(await core.sync.syncNow(accountId)).toMatchObject({ inserted: 0, updated: 1 });
    const [conversation] = (await core.call('conversations.list', { limit: 1 })).items;
    const detail = await core.call('conversations.get', { id: conversation?.id ?? '' });
    expect(detail.messages[0]).toMatchObject({ text: 'Edited on the server', editedAt: core.now.value });
  });

  it('shows what a pass could not do (DMs not allowed) on the account, until a pass no longer says it', async () => {
    const { core, platform, accountId } = setUp();
    const notice = { code: 'dms_not_allowed', message: 'This app password does not allow direct messages.' } as const;
    platform.steps.push({ items: [item(1)], notice }, {});
    core.sync.start(accountId, 0);
    expect(await core.sync.syncNow(accountId)).toMatchObject({ inserted: 1 });
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', lastSyncAt: core.now.value, lastProblem: { ...notice, at: core.now.value } });
    await core.sync.syncNow(accountId);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', lastProblem: null });
  });

  it('quarantines what the connector could not read, with its reason, beside ingest’s own rejections', async () => {
    const { core, platform, accountId } = setUp();
    platform.steps.push({ items: [item(1), { platform: 'mastodon', text: 42 }], rejected: [{ payload: { id: 'n9', type: 'mention', status: null }, reason: 'status: missing' }] });
    core.sync.start(accountId, 0);

    expect(await core.sync.syncNow(accountId)).toMatchObject({ inserted: 1, rejected: 2 });
    const rejected = await core.call('rejected.list', { accountId, limit: 10 });
    expect(rejected.map((r) => [r.source, r.reason.startsWith('status: missing')])).toContainEqual(['sync:mastodon', true]);
    expect(rejected).toHaveLength(2);
  });

  it('offers the recent messages to read again once per pass: newest first, within 48 hours, at most 200', async () => {
    const { core, platform, accountId } = setUp();
    core.now.value += 3 * 86_400_000;
    const withRef = (n: number, createdAt: number) => commentItem({ n, platform: 'mastodon', createdAt, ref: { id: `msg-${n}` } });
    const recent = Array.from({ length: RECHECK_LIMIT + 5 }, (_, n) => withRef(n, core.now.value - 3_600_000 + n * 1_000));
    core.context.ingest({ accountId, source: 'test', items: [...recent, withRef(-3, core.now.value - 49 * 3_600_000)] });
    platform.steps.push({ hasMore: true }, {});
    core.sync.start(accountId, 0);
    await core.sync.syncNow(accountId);

    const [first, second] = platform.requests;
    expect(first?.recheck).toHaveLength(RECHECK_LIMIT);
    expect(first?.recheck[0]).toEqual({ externalId: `msg-${RECHECK_LIMIT + 4}`, ref: { id: `msg-${RECHECK_LIMIT + 4}` } });
    expect(first?.recheck.some((message) => message.externalId === 'msg--3')).toBe(false);
    expect(second?.recheck).toEqual([]);
  });

  it('waits as long as a 429 asks, showing when it resumes, then goes on from its cursors', async () => {
    const { core, timers, platform, accountId } = setUp();
    platform.steps.push(new ConnectorError('429 Too Many Requests', 'rate_limited', 15 * 60_000));
    core.sync.start(accountId, 0);
    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/slow down/);

    expect(timers.scheduled()).toEqual([15 * 60_000]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'rate_limited', resumesAt: core.now.value + 15 * 60_000, lastProblem: { code: 'rate_limited' } });
    timers.fireAll();
    await core.sync.syncNow(accountId);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', resumesAt: null, lastProblem: null });
  });

  it('backs off exponentially on server errors, logs and says so on the account, and is back to its interval after a success', async () => {
    const { core, timers, platform, accountId, logged } = setUp();
    platform.steps.push(SERVER_ERROR(), SERVER_ERROR(), SERVER_ERROR());
    core.sync.start(accountId, 0);
    const delays: number[] = [];
    for (let failure = 0; failure < 3; failure++) {
      await expect(core.sync.syncNow(accountId)).rejects.toThrow(/502/);
      delays.push(...timers.scheduled());
    }
    expect(delays).toEqual([60_000, 120_000, 240_000]);
    expect(logged.filter((line) => line.msg === 'An account’s sync pass failed.').map((line) => line.failures)).toEqual([1, 2, 3]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'failing', lastProblem: { code: 'server_error' } });

    await core.sync.syncNow(accountId);
    expect(timers.scheduled()).toEqual([60_000]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected', lastProblem: null });
  });

  it('offline: shows it and tries again every minute', async () => {
    const { core, timers, platform, accountId } = setUp();
    await core.call('accounts.setSyncInterval', { id: accountId, ms: 15_000 });
    platform.steps.push(new ConnectorError('getaddrinfo ENOTFOUND', 'offline'), new ConnectorError('getaddrinfo ENOTFOUND', 'offline'));
    core.sync.start(accountId, 0);
    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/internet connection/);
    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/internet connection/);
    expect(timers.scheduled()).toEqual([OFFLINE_RETRY_MS]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'offline', lastProblem: { code: 'offline' } });
  });

  it('never runs two passes of an account at once: a pass asked for during one joins it', async () => {
    const { core, timers, platform, accountId } = setUp();
    const page = platform.hold();
    core.sync.start(accountId, 0);
    timers.fireAll();
    const [first, second] = [core.sync.syncNow(accountId), core.sync.syncNow(accountId)];
    core.sync.reschedule(accountId);
    page.release({ items: [item(1)] });

    expect(await first).toEqual(await second);
    expect(platform.requests).toHaveLength(1);
    expect(timers.scheduled()).toEqual([60_000]);
  });

  it('pausing aborts the pass in flight: its page is not kept, and the account waits for resume', async () => {
    const { core, timers, platform, accountId } = setUp();
    const page = platform.hold();
    core.sync.start(accountId, 0);
    const pass = core.sync.syncNow(accountId);
    await expect.poll(() => platform.requests.length).toBe(1);
    await core.call('accounts.pause', { id: accountId });
    page.release({ items: [item(1)], cursors: { notifications: 'n1' } });

    await expect(pass).rejects.toThrow(/stopped/);
    expect(platform.requests[0]?.signal.aborted).toBe(true);
    expect(cursorsOf(core.context.db, accountId)).toEqual({});
    expect((await core.call('conversations.list', { limit: 10 })).items).toEqual([]);
    expect(timers.scheduled()).toEqual([]);
  });

  it('in a team, polls only an account whose lease it holds: losing it aborts the pass in flight, taking it back syncs soon', async () => {
    const { core, timers, platform, accountId } = setUp();
    const held = new Set<string>();
    core.accountGate.follow({ mayWork: (id) => held.has(id) });
    core.sync.start(accountId, 0);
    expect(timers.scheduled()).toEqual([]);
    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/Another desktop of the team polls this account/);

    held.add(accountId);
    core.accountGate.changed();
    // Soon: random 0.5 of the 5 s spread.
    expect(timers.scheduled()).toEqual([2_500]);
    const page = platform.hold();
    timers.fireAll();
    await expect.poll(() => platform.requests.length).toBe(1);
    held.delete(accountId);
    core.accountGate.changed();
    page.release({ items: [item(1)], cursors: { notifications: 'n1' } });

    expect(platform.requests[0]?.signal.aborted).toBe(true);
    await expect.poll(() => stateOf(core, accountId)).toMatchObject({ state: 'connected', lastSyncAt: null });
    expect(cursorsOf(core.context.db, accountId)).toEqual({});
    expect((await core.call('conversations.list', { limit: 10 })).items).toEqual([]);
    expect(timers.scheduled()).toEqual([]);
  });

  it('a refused token stops the account: it needs reconnecting, its connector is closed, no pass is scheduled', async () => {
    const { core, timers, platform, accountId, connector } = setUp();
    platform.steps.push(new ConnectorError('401 The access token was revoked', 'auth'));
    core.sync.start(accountId, 0);
    await expect(core.sync.syncNow(accountId)).rejects.toThrow(/Sign in again/);

    expect(connector.isClosed).toBe(true);
    expect(core.context.connectors.find(accountId)).toBeUndefined();
    expect(timers.scheduled()).toEqual([]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'needs_reconnecting', lastProblem: { code: 'auth' } });
  });

  it('asleep: the pass in flight is aborted (its page not kept) and nothing runs; awake, every account syncs within seconds', async () => {
    const { core, timers, platform, accountId } = setUp();
    platform.hold();
    core.sync.start(accountId, 0);
    const pass = core.sync.syncNow(accountId);
    core.sync.hold('asleep');
    await expect(pass).rejects.toThrow(/asleep/);
    expect(platform.requests[0]?.signal.aborted).toBe(true);
    expect(timers.scheduled()).toEqual([]);
    expect(cursorsOf(core.context.db, accountId)).toEqual({});

    core.sync.release();
    const [soon] = timers.scheduled();
    expect(soon).toBeLessThanOrEqual(5_000);
  });

  it('offline from the system: no pass runs and the account shows offline until the network is back', async () => {
    const { core, timers, accountId } = setUp();
    core.sync.start(accountId, 60_000);
    core.sync.hold('offline');
    expect(timers.scheduled()).toEqual([]);
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'offline' });
    core.sync.release();
    expect(await stateOf(core, accountId)).toMatchObject({ state: 'connected' });
    expect(timers.scheduled()).toHaveLength(1);
  });
});

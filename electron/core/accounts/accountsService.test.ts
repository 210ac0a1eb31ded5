import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/result';
import { ConnectorError, type ConnectorFactory } from '../connectors/connector';
import type { BrowserSignIns, SignedIn } from '../connectors/signIn';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { Secret } from '../secrets/secret';
import { accountSecretName } from '../secrets/secretStore';
import { commentItem } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { memoryLog } from '../testing/memoryLog';
import { ScriptedSyncPlatform } from '../testing/scriptedSyncPlatform';
import { createTestCore, type TestCore } from '../testing/testCore';
import type { BlueskySignIn } from './platforms';

const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
const SESSION = 'session-secret-7f3a9c0e5b21d4';
const BRAND: SignedIn = { platform: 'bluesky', externalId: 'did:plc:brand', handle: 'brand.test', name: 'Brand', server: 'http://127.0.0.1:2583', secret: SESSION };

/** Bluesky's sign-in as the accounts service sees it: a session for the right app password, the platform's refusal otherwise. */
const signIn: BlueskySignIn = async ({ appPassword }) => {
  if (appPassword !== APP_PASSWORD) throw new ApiFailure('invalid_input', 'Bluesky refused the app password.', 'wrong_password');
  return BRAND;
};

let dataDir: string;
let platform: ScriptedSyncPlatform;
let timers: ManualTimers;
const opened: TestCore[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-accounts-'));
  platform = new ScriptedSyncPlatform('bluesky');
  timers = new ManualTimers();
});
afterEach(() => {
  opened.splice(0).forEach((core) => core.close());
  rmSync(dataDir, { recursive: true, force: true });
});

/** A real core on the test's data folder, its secrets in a key-file store, Bluesky served by the scripted platform. */
function openCore(): TestCore {
  const core = createTestCore({
    dataDir,
    log: memoryLog().log,
    keyProviders: [keyFileKeyProvider(dataDir)],
    platforms: { factories: { bluesky: platform }, signIns: { bluesky: signIn } },
    sync: { timers, random: () => 0.5 },
  });
  opened.push(core);
  return core;
}

function restart(core: TestCore): TestCore {
  core.close();
  opened.splice(opened.indexOf(core), 1);
  return openCore();
}

const connect = (core: TestCore) => core.call('accounts.connectBluesky', { identifier: 'brand.test', appPassword: APP_PASSWORD });
const viewOf = async (core: TestCore, id: string) => (await core.call('accounts.list', {})).find((account) => account.id === id);
const item = (n: number) => commentItem({ n, platform: 'bluesky' });

/** Every byte SQLite keeps in the data folder: the database and its journal. */
const databaseBytes = () =>
  Buffer.concat(readdirSync(dataDir).filter((name) => name.startsWith('pieuvre.db')).map((name) => readFileSync(join(dataDir, name))));

describe('accounts', () => {
  it('connects: the session goes to the secret store only, the connector opens with it and the first sync starts at once', async () => {
    const core = openCore();
    const changed: string[][] = [];
    core.client.on('accounts.changed', ({ accountIds }) => changed.push(accountIds));
    platform.steps.push({ items: [item(1)], cursors: { notifications: 'n1' } });
    const account = await connect(core);

    expect(account).toMatchObject({ platform: 'bluesky', handle: 'brand.test', server: BRAND.server, state: 'connected', isDemo: false });
    expect((await (await core.secrets()).get(accountSecretName(account.id, 'session')))?.reveal()).toBe(SESSION);
    expect(databaseBytes().includes(SESSION)).toBe(false);
    expect(JSON.stringify(await core.call('accounts.list', {}))).not.toContain(SESSION);
    expect(platform.opened.map(({ account: a, secret }) => [a.externalId, a.server, secret])).toEqual([[BRAND.externalId, BRAND.server, SESSION]]);
    expect(timers.scheduled()).toEqual([0]);
    expect(changed).toContainEqual([account.id]);

    timers.fireAll();
    expect(await core.call('accounts.syncNow', { id: account.id })).toMatchObject({ inserted: 1 });
  });

  it('a refused sign-in answers with its reason key; with no Bluesky sign-in in the build, unavailable', async () => {
    const core = openCore();
    const refused = await core.client.call('accounts.connectBluesky', { identifier: 'brand.test', appPassword: 'wrong' });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Bluesky refused the app password.', reason: 'wrong_password' } });

    const bare = createTestCore({ log: memoryLog().log });
    opened.push(bare);
    const result = await bare.client.call('accounts.connectBluesky', { identifier: 'brand.test', appPassword: APP_PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/Bluesky/) } });
  });

  it('Mastodon: the sign-in starts, finishes with the code from the browser and adds the account; a cancelled one is let go', async () => {
    const mastodon = new ScriptedSyncPlatform('mastodon');
    const cancelled: string[] = [];
    const signIns: BrowserSignIns = {
      start: async (server) => ({ signInId: 'sign-in-1', authorizeUrl: `${server}/oauth/authorize?client_id=pieuvre`, outOfBandUrl: `${server}/oauth/authorize?redirect_uri=oob`, expiresAt: 0 }),
      finish: async (signInId, code) => {
        if (signInId !== 'sign-in-1' || code !== 'CODE') throw new ApiFailure('invalid_input', 'The server refused the sign-in.', 'denied');
        return { platform: 'mastodon', externalId: 'https://social.example/users/brand', handle: 'brand@social.example', name: 'Brand', server: 'https://social.example', secret: 'token' };
      },
      finishOutOfBand: () => Promise.reject(new Error('This test signs in through the loopback flow only.')),
      cancel: (signInId) => cancelled.push(signInId),
      close: () => {},
    };
    const core = createTestCore({ dataDir, log: memoryLog().log, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories: { mastodon }, signIns: { mastodon: signIns } }, sync: { timers } });
    opened.push(core);

    const pending = await core.call('accounts.startMastodon', { server: 'https://social.example' });
    expect(pending.authorizeUrl).toBe('https://social.example/oauth/authorize?client_id=pieuvre');
    expect(await core.client.call('accounts.finishMastodon', { signInId: pending.signInId, code: 'WRONG' })).toMatchObject({ ok: false, error: { reason: 'denied' } });
    expect(await core.call('accounts.finishMastodon', { signInId: pending.signInId, code: 'CODE' })).toMatchObject({ platform: 'mastodon', handle: 'brand@social.example', state: 'connected' });
    expect(mastodon.opened.map(({ secret }) => secret)).toEqual(['token']);
    await core.call('accounts.cancelSignIn', { signInId: 'sign-in-2' });
    expect(cancelled).toEqual(['sign-in-2']);
  });

  it('at start, reopens every connected account from its stored secret and syncs it', async () => {
    const { id } = await connect(openCore());
    const core = restart(opened[0]!);
    await expect.poll(() => platform.opened.length).toBe(2);

    expect(platform.opened[1]?.secret).toBe(SESSION);
    expect(core.context.connectors.find(id)).toBeDefined();
    expect(timers.scheduled()).toContain(2_500);
    expect(await viewOf(core, id)).toMatchObject({ state: 'connected' });
  });

  it('a connector still opening (its code loading) when the core closes is closed at once and never synced', async () => {
    const { id } = await connect(openCore());
    opened.splice(0).forEach((core) => core.close());
    let release = () => {};
    const loaded = new Promise<void>((resolve) => (release = resolve));
    let isOpening = false;
    const slowToLoad: ConnectorFactory = {
      platform: 'bluesky',
      open: async (account, secret) => {
        isOpening = true;
        await loaded;
        return platform.open(account, secret);
      },
    };
    const core = createTestCore({ dataDir, log: memoryLog().log, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories: { bluesky: slowToLoad }, signIns: {} }, sync: { timers, random: () => 0.5 } });
    await expect.poll(() => isOpening).toBe(true);
    core.close();
    release();
    await expect.poll(() => platform.opened.length).toBe(2);

    expect(platform.opened[1]?.connector.isClosed).toBe(true);
    expect(core.context.connectors.find(id)).toBeUndefined();
    expect(timers.scheduled()).toEqual([]);
  });

  it('a core closed before its accounts open at start (a script that creates, fills and closes it at once) logs no error', async () => {
    const { log, lines } = memoryLog();
    const core = createTestCore({ dataDir, log, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories: { bluesky: platform }, signIns: {} }, sync: { timers, random: () => 0.5 } });
    // A new database needs no check: the accounts' start runs at the next turn, after this close.
    core.close();
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });

  it('at start, an account whose secret is gone needs reconnecting, and the others still start', async () => {
    const core = openCore();
    const { id } = await connect(core);
    await (await core.secrets()).delete(accountSecretName(id, 'session'));
    const next = restart(core);
    await expect.poll(async () => (await viewOf(next, id))?.state).toBe('needs_reconnecting');
    expect(platform.opened).toHaveLength(1);
  });

  it('a sign-in that arrives from the team (opened from the hub into the secret store) reconnects a waiting account and syncs it at once', async () => {
    const core = openCore();
    const { id } = await connect(core);
    const store = await core.secrets();
    await store.delete(accountSecretName(id, 'session'));
    const next = restart(core);
    await expect.poll(async () => (await viewOf(next, id))?.state).toBe('needs_reconnecting');
    await (await next.secrets()).set(accountSecretName(id, 'session'), new Secret('session-from-the-team'));
    platform.steps.push({ items: [item(1)] });

    await next.accounts.reconnectWithStoredSecret(id);
    expect(await viewOf(next, id)).toMatchObject({ state: 'connected', lastProblem: null });
    expect(platform.opened.at(-1)?.secret).toBe('session-from-the-team');
    expect(next.context.connectors.find(id)).toBe(platform.opened.at(-1)?.connector);
    expect(await next.call('accounts.syncNow', { id })).toMatchObject({ inserted: 1 });
  });

  it('a refused token: needs reconnecting, sync stopped; signing in again as the same identity resumes it with its history', async () => {
    const core = openCore();
    platform.steps.push({ items: [item(1)] }, new ConnectorError('ExpiredToken', 'auth'));
    const { id } = await connect(core);
    await core.call('accounts.syncNow', { id });
    await expect(core.call('accounts.syncNow', { id })).rejects.toThrow(/Sign in again/);

    expect(await viewOf(core, id)).toMatchObject({ state: 'needs_reconnecting', lastProblem: { code: 'auth' } });
    expect(timers.scheduled()).toEqual([]);
    await expect(core.call('accounts.syncNow', { id })).rejects.toThrow(/not syncing/);

    const again = await connect(core);
    expect(again).toMatchObject({ id, state: 'connected' });
    expect(core.context.connectors.find(id)).toBe(platform.opened[1]?.connector);
    expect((await core.call('conversations.list', { limit: 10 })).items).toHaveLength(1);
    expect(await core.call('accounts.syncNow', { id })).toMatchObject({ inserted: 0 });
  });

  it('a reply queued while the account needs reconnecting waits, and goes once it is reconnected', async () => {
    const core = openCore();
    platform.steps.push({ items: [item(1)] }, new ConnectorError('ExpiredToken', 'auth'));
    const { id } = await connect(core);
    await core.call('accounts.syncNow', { id });
    await expect(core.call('accounts.syncNow', { id })).rejects.toThrow(/Sign in again/);
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const [conversation] = (await core.call('conversations.list', { limit: 1 })).items;
    const queued = await core.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Merci!', idempotencyKey: 'reply-after-reconnect', when: { kind: 'now' } });
    const stateOfReply = async () => (await core.call('outbox.list', { scope: 'all', limit: 10 })).find((row) => row.id === queued.id)?.state;
    await core.outbox.drain();
    expect(await stateOfReply()).toBe('queued');
    expect(platform.replies).toEqual([]);

    await connect(core);
    await expect.poll(stateOfReply).toBe('sent');
    expect(platform.replies.map((reply) => reply.text)).toEqual(['Merci!']);
  });

  it('pause closes the connector and stops syncing; resume reopens it from the secret and syncs at once', async () => {
    const core = openCore();
    const { id } = await connect(core);
    expect(await core.call('accounts.pause', { id })).toMatchObject({ state: 'paused' });
    expect(platform.opened[0]?.connector.isClosed).toBe(true);
    expect(timers.scheduled()).toEqual([]);

    expect(await core.call('accounts.resume', { id })).toMatchObject({ state: 'connected' });
    expect(platform.opened[1]?.secret).toBe(SESSION);
    expect(timers.scheduled()).toEqual([0]);
    // A paused account stays paused across a restart.
    await core.call('accounts.pause', { id });
    const next = restart(core);
    await next.health.whenWritable();
    expect(await viewOf(next, id)).toMatchObject({ state: 'paused' });
    expect(platform.opened).toHaveLength(2);
    // Signing in again is asking for it to run.
    expect(await connect(next)).toMatchObject({ id, state: 'connected' });
  });

  it('disconnect keeping the history: the secret is forgotten, the conversations stay, and it can be connected again', async () => {
    const core = openCore();
    platform.steps.push({ items: [item(1)] });
    const { id } = await connect(core);
    await core.call('accounts.syncNow', { id });
    await core.call('accounts.disconnect', { id, keepHistory: true });

    expect(await (await core.secrets()).list()).toEqual([]);
    expect(core.context.connectors.find(id)).toBeUndefined();
    expect(await viewOf(core, id)).toMatchObject({ state: 'disconnected' });
    expect((await core.call('conversations.list', { limit: 10 })).items).toHaveLength(1);
    expect(await connect(core)).toMatchObject({ id, state: 'connected' });
  });

  it('disconnect deleting the history: the account, its conversations and its secret go', async () => {
    const core = openCore();
    platform.steps.push({ items: [item(1)] });
    const { id } = await connect(core);
    await core.call('accounts.syncNow', { id });
    await core.call('accounts.disconnect', { id, keepHistory: false });

    expect(await core.call('accounts.list', {})).toEqual([]);
    expect((await core.call('conversations.list', { limit: 10 })).items).toEqual([]);
    expect(await (await core.secrets()).list()).toEqual([]);
  });

  it('the welcome shows on a first start until answered, and never once a real account is connected', async () => {
    const core = openCore();
    expect(await core.call('accounts.welcome', {})).toEqual({ show: true });
    await core.call('accounts.dismissWelcome', {});
    expect(await restart(core).call('accounts.welcome', {})).toEqual({ show: false });

    rmSync(dataDir, { recursive: true, force: true });
    opened.splice(0).forEach((c) => c.close());
    const fresh = openCore();
    await connect(fresh);
    expect(await fresh.call('accounts.welcome', {})).toEqual({ show: false });
  });

  it('the backfill setting is kept', async () => {
    const core = openCore();
    expect(await core.call('accounts.settings', {})).toEqual({ backfillDays: 7 });
    await core.call('accounts.updateSettings', { backfillDays: 30 });
    expect(await restart(core).call('accounts.settings', {})).toEqual({ backfillDays: 30 });
  });
});

import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { messagePortTransport } from '../../shared/api/messagePortTransport';
import type { PortLike } from './api/messagePortServer';
import { createCore, DATABASE_FILE, type Core } from './core';
import { lockDataFolder } from './dataFolderLock';
import { LOG_FILE, logFolderOf } from './log/logFolder';
import { addAccount } from './testing/itemBuilder';
import { ManualTimers } from './testing/manualTimers';
import { memoryLog } from './testing/memoryLog';
import { asDomPort, asPortMain } from './testing/nodePorts';
import { followSystemState, runUtilityCore, startDemoIfWanted, type ParentPortLike } from './utilityCore';
import { PORT_HANDOVER, type CoreFatal, type SecretKeyHandover } from './utilityMessages';
import { EncryptedFileSecretStore } from './secrets/encryptedFileSecretStore';
import { KEY_FILE } from './secrets/keyFileKeyProvider';
import { Secret } from './secrets/secret';
import { shellKeyProvider } from './secrets/shellKeyProvider';

/** Electron's `process.parentPort`, as far as the core uses it. */
function fakeParentPort() {
  const emitter = new EventEmitter();
  const sentToMain: CoreFatal[] = [];
  const parentPort: ParentPortLike = {
    on: (event, listener) => emitter.on(event, listener),
    postMessage: (message) => sentToMain.push(message),
  };
  const fromMain = (data: unknown, port: PortLike | undefined) => emitter.emit('message', { data, ports: port ? [port] : [] });
  return { parentPort, sentToMain, fromMain };
}

let dataDir: string;
const cleanups: (() => void)[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-utility-'));
});
afterEach(() => {
  cleanups.splice(0).reverse().forEach((cleanup) => cleanup());
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the core wrote to its log file so far. */
const loggedLines = (): Record<string, unknown>[] =>
  readFileSync(join(logFolderOf(dataDir), LOG_FILE), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

const keep = (core: Core | null): Core => {
  if (!core) throw new Error('The core did not start.');
  cleanups.push(() => core.close());
  return core;
};

/** A window's end of a fresh channel whose other end main hands to the core. */
function windowClient(fromMain: (data: unknown, port: PortLike) => void) {
  const { port1, port2 } = new MessageChannel();
  cleanups.push(() => port1.close());
  fromMain(PORT_HANDOVER, asPortMain(port1));
  return createApiClient(messagePortTransport(asDomPort(port2)));
}

describe('the core in its utilityProcess', () => {
  it('opens the data folder from the environment and serves every window it is handed a port for', async () => {
    const { parentPort, fromMain, sentToMain } = fakeParentPort();
    const running = runUtilityCore(parentPort, { PIEUVRE_DATA_DIR: dataDir });
    // Ports handed over while the demo backlog comes in are served all the same.
    const first = windowClient(fromMain);
    const second = windowClient(fromMain);
    const core = keep(await running);

    // A fresh folder gets the demo workspace, backlog included.
    const page = await first.call('conversations.list', {});
    expect(page.ok && page.value.items.length).toBeGreaterThan(0);
    const accounts = await second.call('accounts.list', {});
    expect(accounts.ok && accounts.value.every((account) => account.isDemo)).toBe(true);
    expect(readFileSync(join(dataDir, DATABASE_FILE)).subarray(0, 15).toString()).toBe('SQLite format 3');

    const heard = [first, second].map((client) => new Promise((resolve) => client.on('inbox.changed', resolve)));
    core.events.emit('inbox.changed', { conversationIds: [], everything: true });
    expect(await Promise.all(heard)).toEqual([{ conversationIds: [], everything: true }, { conversationIds: [], everything: true }]);
    expect(sentToMain).toEqual([]);
  });

  it('serves nothing on a port that comes without the handover message', async () => {
    const { parentPort, fromMain } = fakeParentPort();
    keep(await runUtilityCore(parentPort, { PIEUVRE_DATA_DIR: dataDir }));
    const started = vi.fn();
    fromMain({ type: 'something-else' }, { postMessage: vi.fn(), on: vi.fn(), start: started, close: vi.fn() });
    expect(started).not.toHaveBeenCalled();
  });

  it('refuses a data folder another process holds, saying which, and holds it once free', async () => {
    const release = lockDataFolder(dataDir, 'cli');
    const refused = fakeParentPort();
    expect(await runUtilityCore(refused.parentPort, { PIEUVRE_DATA_DIR: dataDir })).toBeNull();
    expect(refused.sentToMain).toEqual([{ type: 'fatal', message: 'Another pieuvre command is using this data folder; wait for it to finish.' }]);
    release();
    keep(await runUtilityCore(fakeParentPort().parentPort, { PIEUVRE_DATA_DIR: dataDir }));
    expect(() => lockDataFolder(dataDir, 'cli')).toThrow('Pieuvre is running with this data folder; quit it first.');
  });

  it('tells main why it cannot start instead of dying silently', async () => {
    writeFileSync(join(dataDir, DATABASE_FILE), 'my tax return, not a database');
    const refused = fakeParentPort();
    expect(await runUtilityCore(refused.parentPort, { PIEUVRE_DATA_DIR: dataDir })).toBeNull();
    expect(refused.sentToMain).toEqual([{ type: 'fatal', message: expect.stringContaining('is not a Pieuvre database') }]);
    expect(readFileSync(join(dataDir, DATABASE_FILE), 'utf8')).toBe('my tax return, not a database');
    expect(loggedLines()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'The core could not start.', err: expect.objectContaining({ message: expect.stringContaining('is not a Pieuvre database') }) }));

    const unset = fakeParentPort();
    expect(await runUtilityCore(unset.parentPort, { PIEUVRE_DATA_DIR: 'relative/dir' })).toBeNull();
    expect(await runUtilityCore(unset.parentPort, {})).toBeNull();
    expect(unset.sentToMain.map((message) => message.message)).toEqual([
      expect.stringContaining('absolute PIEUVRE_DATA_DIR'),
      expect.stringContaining('absolute PIEUVRE_DATA_DIR'),
    ]);
  });
});

describe('the core’s process guards', () => {
  it('log an unhandled rejection or an uncaught exception of the process they are given, which goes on', async () => {
    const { parentPort } = fakeParentPort();
    const processLike = new EventEmitter();
    keep(await runUtilityCore(parentPort, { PIEUVRE_DATA_DIR: dataDir }, processLike));
    processLike.emit('unhandledRejection', new Error('Nobody awaited this.'));
    processLike.emit('uncaughtException', new Error('Nobody caught this.'), 'uncaughtException');
    await vi.waitFor(() =>
      expect(loggedLines()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ msg: 'An unhandled promise rejection; carrying on.', where: 'core', err: expect.objectContaining({ message: 'Nobody awaited this.' }) }),
          expect.objectContaining({ msg: 'An uncaught exception; carrying on.', where: 'core', err: expect.objectContaining({ message: 'Nobody caught this.' }) }),
        ]),
      ),
    );
  });
});

describe("the core's secrets in the app", () => {
  const KEY: SecretKeyHandover = { type: 'secret-key', key: Buffer.alloc(32, 9).toString('base64') };

  it('are locked with the key main hands over from the keychain', async () => {
    const { parentPort, fromMain } = fakeParentPort();
    const core = keep(await runUtilityCore(parentPort, { PIEUVRE_DATA_DIR: dataDir }));
    fromMain(KEY, undefined);
    const secrets = await core.secrets();
    expect(secrets.keySource).toBe('electron-safe-storage');
    await secrets.set('account:a:session', new Secret('token'));

    const reopened = await EncryptedFileSecretStore.open(dataDir, [shellKeyProvider(Promise.resolve(KEY))]);
    expect((await reopened.get('account:a:session'))?.reveal()).toBe('token');
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
  });

  it("fall back to the system's own keyring or a key file when main has no keychain", async () => {
    const { parentPort, fromMain } = fakeParentPort();
    const core = keep(await runUtilityCore(parentPort, { PIEUVRE_DATA_DIR: dataDir }));
    fromMain({ type: 'secret-key', key: null, reason: 'the system keychain cannot encrypt here.' } satisfies SecretKeyHandover, undefined);
    expect((await core.secrets()).keySource).not.toBe('electron-safe-storage');
  });
});

describe('startDemoIfWanted', () => {
  const openCore = () => keep(createCore({ dataDir, demo: { backlogCount: 5 } }));

  it('starts the demo again when its accounts are there from an earlier run', async () => {
    const earlier = openCore();
    expect(await startDemoIfWanted(earlier)).toBe(true);
    earlier.demo.stop();
    const before = earlier.demo.status().accountIds;

    const later = openCore();
    expect(await startDemoIfWanted(later)).toBe(true);
    expect(later.demo.status()).toEqual({ isRunning: true, accountIds: before });
  });

  it('leaves it off once the user has only real accounts', async () => {
    const core = openCore();
    addAccount(core.context.db);
    expect(await startDemoIfWanted(core)).toBe(false);
    expect(core.demo.status()).toEqual({ isRunning: false, accountIds: [] });
  });
});

describe('followSystemState', () => {
  it('holds every account’s sync while the computer sleeps or is offline, and lets it go once awake and online', () => {
    const { parentPort, fromMain } = fakeParentPort();
    const timers = new ManualTimers();
    const core = keep(createCore({ dataDir: ':memory:', log: memoryLog().log, sync: { timers } }));
    followSystemState(parentPort, core);
    const accountId = addAccount(core.context.db, 'mastodon');
    core.sync.start(accountId, 60_000);

    fromMain({ type: 'system', isAsleep: true, isOnline: true }, undefined);
    expect(timers.scheduled()).toEqual([]);
    fromMain({ type: 'system', isAsleep: false, isOnline: false }, undefined);
    expect(timers.scheduled()).toEqual([]);
    expect(core.sync.live(accountId)?.state).toBe('offline');
    fromMain({ type: 'system', isAsleep: false, isOnline: true }, undefined);
    expect(timers.scheduled()).toHaveLength(1);
    expect(core.sync.live(accountId)?.state).toBe('idle');
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRETS_FILE } from './encryptedFileSecretStore';
import { KEY_FILE } from './keyFileKeyProvider';
import { ensureKeyringTools, inKeyringSession } from './testing/keyringSession';
import { runSecretStoreChild } from './testing/runSecretStoreChild';

let root: string;
let home: string;
let dataDir: string;

beforeAll(ensureKeyringTools, 180_000);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pieuvre-keyring-'));
  home = join(root, 'home');
  mkdirSync(home, { mode: 0o700 });
  dataDir = join(root, 'data');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A machine with no D-Bus session at all: a server, a container, an SSH login. */
const noKeyring = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pieuvre-test-bus', HOME: '/nonexistent' };

describe('the system keyring (GNOME Keyring over D-Bus, for real)', () => {
  it('keeps the key of a new store, no key file beside it, and gives it back in a later session', async () => {
    expect(await inKeyringSession(home, [dataDir, 'set', 'account:a:session', 'token-1'])).toEqual([{ keySource: 'os-keyring' }]);
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    expect(await inKeyringSession(home, [dataDir, 'get', 'account:a:session'])).toEqual([{ value: 'token-1' }]);
  });

  it('keeps one key per data folder', async () => {
    const other = join(root, 'other');
    await inKeyringSession(home, [dataDir, 'set', 'name', 'first']);
    await inKeyringSession(home, [other, 'set', 'name', 'second']);
    expect(await inKeyringSession(home, [dataDir, 'get', 'name'])).toEqual([{ value: 'first' }]);
    expect(await inKeyringSession(home, [other, 'get', 'name'])).toEqual([{ value: 'second' }]);
  });

  it('refuses, leaving the file as it is, a store whose keyring cannot be reached', async () => {
    await inKeyringSession(home, [dataDir, 'set', 'name', 'token']);
    const before = readFileSync(join(dataDir, SECRETS_FILE), 'utf8');
    expect(await runSecretStoreChild([dataDir, 'get', 'name'], noKeyring)).toMatchObject({
      error: { name: 'SecretStoreError', code: 'no_key', message: expect.stringMatching(/locked with a key kept in the system keyring/) },
    });
    expect(readFileSync(join(dataDir, SECRETS_FILE), 'utf8')).toBe(before);
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
  });
});

describe('without a keyring', () => {
  it('a new store falls back to a key file, and says so', async () => {
    expect(await runSecretStoreChild([dataDir, 'set', 'name', 'token'], noKeyring)).toEqual({ keySource: 'key-file' });
    expect(await runSecretStoreChild([dataDir, 'get', 'name'], noKeyring)).toEqual({ value: 'token' });
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(true);
    // Not the kernel's keyring either, which would lose the key at the next reboot.
    expect(readFileSync('/proc/keys', 'utf8')).not.toContain(dataDir);
  });
});

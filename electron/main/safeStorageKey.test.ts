import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAFE_STORAGE_KEY_FILE, safeStorageKey, type SafeStorageLike } from './safeStorageKey';

/**
 * Electron's safeStorage cannot run here. This stand-in keeps its contract (what it encrypted it
 * decrypts; anything else throws), with a keychain secret of its own so that another "keychain"
 * cannot read the file, as a new OS account or a reset keychain could not.
 */
function fakeSafeStorage(keychainSecret: string, overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  const mask = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ keychainSecret.charCodeAt(index % keychainSecret.length)));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain) => Buffer.concat([Buffer.from(`v10${keychainSecret}:`), mask(Buffer.from(plain))]),
    decryptString(encrypted) {
      const prefix = Buffer.from(`v10${keychainSecret}:`);
      if (!encrypted.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return mask(encrypted.subarray(prefix.length)).toString();
    },
    ...overrides,
  };
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-safe-storage-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const keyFile = () => join(dataDir, SAFE_STORAGE_KEY_FILE);

describe('safeStorageKey', () => {
  it('makes a key on first start, stores it only encrypted by the keychain, and gives the same key after', () => {
    const first = safeStorageKey(fakeSafeStorage('keychain-a'), dataDir);
    expect(first.key && Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile()).toString('latin1')).not.toContain(first.key);
    expect(safeStorageKey(fakeSafeStorage('keychain-a'), dataDir)).toEqual(first);
  });

  it('gives a reason instead of a key where the keychain cannot encrypt, writing nothing', () => {
    expect(safeStorageKey(fakeSafeStorage('k', { isEncryptionAvailable: () => false }), dataDir)).toEqual({
      type: 'secret-key', key: null, reason: 'the system keychain cannot encrypt here.',
    });
    // On Linux without a keyring, Chromium "encrypts" with a password everyone knows.
    expect(safeStorageKey(fakeSafeStorage('k', { getSelectedStorageBackend: () => 'basic_text' }), dataDir)).toMatchObject({ key: null, reason: expect.stringMatching(/no system keyring/) });
    expect(existsSync(keyFile())).toBe(false);
  });

  it('gives a reason naming the file when the keychain cannot decrypt it, and leaves it as it is', () => {
    safeStorageKey(fakeSafeStorage('keychain-a'), dataDir);
    const stored = readFileSync(keyFile());
    expect(safeStorageKey(fakeSafeStorage('keychain-b'), dataDir)).toMatchObject({ key: null, reason: expect.stringContaining(`${keyFile()} could not be used (Error while decrypting`) });
    expect(readFileSync(keyFile())).toEqual(stored);
    writeFileSync(keyFile(), 'garbage');
    expect(safeStorageKey(fakeSafeStorage('keychain-a'), dataDir).key).toBeNull();
  });
});

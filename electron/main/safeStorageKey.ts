import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/secrets/atomicWrite';
import { DATA_KEY_BYTES } from '../core/secrets/keyProvider';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../core/secrets/privateFiles';
import type { SecretKeyHandover } from '../core/utilityMessages';

/** The secrets' key, encrypted by the OS keychain through safeStorage; useless on its own. */
export const SAFE_STORAGE_KEY_FILE = 'secret.key.safe';

/** Electron's safeStorage, as far as keeping one key goes. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring Chromium found; `basic_text` means none, only a fixed password. */
  getSelectedStorageBackend?(): string;
};

/**
 * The key main hands to the core at start: read from its file and decrypted by the keychain, or
 * made and stored on first run. Anything that stops it becomes a reason, and the core falls back
 * to the system keyring or a key file for a new store.
 */
export function safeStorageKey(safeStorage: SafeStorageLike, dataDir: string): SecretKeyHandover {
  const unavailable = (reason: string): SecretKeyHandover => ({ type: 'secret-key', key: null, reason });
  if (!safeStorage.isEncryptionAvailable()) return unavailable('the system keychain cannot encrypt here.');
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return unavailable('no system keyring was found, only a fixed built-in password.');
  const file = join(dataDir, SAFE_STORAGE_KEY_FILE);
  try {
    if (existsSync(file)) return { type: 'secret-key', key: safeStorage.decryptString(readFileSync(file)) };
    const key = randomBytes(DATA_KEY_BYTES).toString('base64');
    makePrivateFolder(dataDir);
    writeFileAtomically(file, safeStorage.encryptString(key), PRIVATE_FILE_MODE);
    return { type: 'secret-key', key };
  } catch (error) {
    return unavailable(`${file} could not be used (${error instanceof Error ? error.message : String(error)}).`);
  }
}

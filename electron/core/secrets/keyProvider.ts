/** Where the key that encrypts `secrets.enc` is kept; shown to people in a status line later. */
export type KeySource = 'electron-safe-storage' | 'os-keyring' | 'key-file';

/** AES-256: 32 bytes. */
export const DATA_KEY_BYTES = 32;

/**
 * Gives the store's key, creating it on first use when `create` is set. A provider that cannot
 * work on this machine (no keychain, no D-Bus, a missing native binary) throws
 * `KeyUnavailableError`, so the store can fall back to the next one.
 */
export type KeyProvider = {
  readonly source: KeySource;
  getKey(options: { create: boolean }): Promise<Buffer>;
};

/** This way of keeping the key does not work here, or holds no key for this data folder. */
export class KeyUnavailableError extends Error {
  constructor(
    readonly source: KeySource,
    reason: string,
  ) {
    super(`The ${KEY_SOURCE_NAMES[source]} cannot give the key of Pieuvre’s secrets: ${reason}`);
    this.name = 'KeyUnavailableError';
  }
}

/** For messages read by people and in logs. */
export const KEY_SOURCE_NAMES: Record<KeySource, string> = {
  'electron-safe-storage': 'system keychain (through Electron)',
  'os-keyring': 'system keyring',
  'key-file': 'key file',
};

/** A key read back from anywhere must be exactly the right size before it is trusted. */
export function checkKeyLength(source: KeySource, key: Buffer): Buffer {
  if (key.length !== DATA_KEY_BYTES) throw new KeyUnavailableError(source, `the stored key has ${key.length} bytes instead of ${DATA_KEY_BYTES}.`);
  return key;
}

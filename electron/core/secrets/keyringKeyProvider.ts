import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { checkKeyLength, DATA_KEY_BYTES, KeyUnavailableError, type KeyProvider } from './keyProvider';

const SERVICE = 'Pieuvre';

/** The part of `@napi-rs/keyring`'s Entry used here: lets tests name where a key goes. */
type KeyringEntry = { getPassword(): string | null | undefined; setPassword(password: string): void };

async function openEntry(account: string): Promise<KeyringEntry> {
  try {
    // Loaded on first use, so a machine whose native binary is missing falls back instead of crashing.
    const { Entry } = await import('@napi-rs/keyring');
    // Secret Service only: left to choose, the binding falls back on Linux to the kernel's
    // keyring, which forgets everything at reboot, and the secrets with it.
    return new Entry(SERVICE, account, { linux: { store: 'secret-service' } });
  } catch (error) {
    throw new KeyUnavailableError('os-keyring', `it is not available here (${describe(error)}).`);
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The key in the system's keyring (Secret Service on Linux, Keychain on macOS, Credential Manager
 * on Windows), one per data folder so two profiles never share a key. Where there is no keyring
 * (no D-Bus session, nothing answering on it) every call fails, and says so.
 */
export function keyringKeyProvider(dataDir: string): KeyProvider {
  const account = `secrets-key:${resolve(dataDir)}`;
  return {
    source: 'os-keyring',
    async getKey({ create }) {
      const entry = await openEntry(account);
      const stored = call(() => entry.getPassword());
      if (stored) return checkKeyLength('os-keyring', Buffer.from(stored, 'base64'));
      if (!create) throw new KeyUnavailableError('os-keyring', `it holds no key for ${resolve(dataDir)}.`);
      const key = randomBytes(DATA_KEY_BYTES).toString('base64');
      call(() => entry.setPassword(key));
      // Some keyrings accept a write they do not keep (a locked or memory-only collection):
      // only a key that reads back is used, or the secrets could not be opened next time.
      if (call(() => entry.getPassword()) !== key) throw new KeyUnavailableError('os-keyring', 'a key written to it did not read back.');
      return Buffer.from(key, 'base64');
    },
  };
}

function call<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw new KeyUnavailableError('os-keyring', describe(error));
  }
}

import type { SecretKeyHandover } from '../utilityMessages';
import { checkKeyLength, KeyUnavailableError, type KeyProvider } from './keyProvider';

/**
 * In the app: the key main keeps with Electron's safeStorage (the OS keychain) and hands over at
 * start. Main makes the key whenever safeStorage works, so `create` changes nothing here.
 */
export function shellKeyProvider(handover: Promise<SecretKeyHandover>): KeyProvider {
  return {
    source: 'electron-safe-storage',
    async getKey() {
      const received = await handover;
      if (received.key === null) throw new KeyUnavailableError('electron-safe-storage', received.reason);
      return checkKeyLength('electron-safe-storage', Buffer.from(received.key, 'base64'));
    },
  };
}

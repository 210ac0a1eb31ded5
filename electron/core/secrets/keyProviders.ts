import type { KeyProvider } from './keyProvider';
import { keyFileKeyProvider } from './keyFileKeyProvider';
import { keyringKeyProvider } from './keyringKeyProvider';

/**
 * Where a new secrets file gets its key, best first: the app's keychain (through main) when
 * running in the app, else the system keyring, else a key file. An existing file keeps the one it
 * was made with, so all three stay listed.
 */
export function keyProvidersFor(dataDir: string, fromShell?: KeyProvider): KeyProvider[] {
  return [...(fromShell ? [fromShell] : []), keyringKeyProvider(dataDir), keyFileKeyProvider(dataDir)];
}

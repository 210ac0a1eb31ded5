import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomicWrite';
import { checkKeyLength, DATA_KEY_BYTES, KeyUnavailableError, type KeyProvider } from './keyProvider';
import { assertPrivateFile, makePrivateFolder, PRIVATE_FILE_MODE } from './privateFiles';

export const KEY_FILE = 'secret.key';

/**
 * The last resort, where the system has no keyring (a server, a container, CI): the key sits
 * beside the secrets in a file only its owner can read. It protects against a copied
 * `secrets.enc` alone, not against someone who can read the whole data folder.
 */
export function keyFileKeyProvider(dataDir: string): KeyProvider {
  const file = join(dataDir, KEY_FILE);
  return {
    source: 'key-file',
    async getKey({ create }) {
      if (existsSync(file)) {
        assertPrivateFile(file);
        return checkKeyLength('key-file', Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
      }
      if (!create) throw new KeyUnavailableError('key-file', `${file} is missing.`);
      makePrivateFolder(dataDir);
      const key = randomBytes(DATA_KEY_BYTES);
      writeFileAtomically(file, `${key.toString('base64')}\n`, PRIVATE_FILE_MODE);
      return key;
    },
  };
}

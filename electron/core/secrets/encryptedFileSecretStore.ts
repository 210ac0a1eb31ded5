import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { removeLeftoverTemporaries, writeFileAtomically } from './atomicWrite';
import { KEY_SOURCE_NAMES, KeyUnavailableError, type KeyProvider, type KeySource } from './keyProvider';
import { assertPrivateFile, makePrivateFolder, PRIVATE_FILE_MODE } from './privateFiles';
import { Secret } from './secret';
import type { SecretStore } from './secretStore';
import { SecretStoreError } from './secretStoreError';
import { keyCheckOf, open, readEnvelope, seal } from './secretsFileFormat';

export const SECRETS_FILE = 'secrets.enc';

const nameSchema = z.string().min(1).max(300);

/**
 * Every secret in one encrypted file in the data folder, held in memory once opened (one process
 * owns a data folder at a time). Each change rewrites the whole file atomically.
 */
export class EncryptedFileSecretStore implements SecretStore {
  private constructor(
    readonly file: string,
    /** Where the key is kept, for the status line. */
    readonly keySource: KeySource,
    private readonly key: Buffer,
    private secrets: ReadonlyMap<string, string>,
  ) {}

  /**
   * Opens the data folder's secrets with the key provider named in the file. A folder without
   * secrets gets a new file, keyed by the first provider that works here, in the order given.
   */
  static async open(dataDir: string, providers: readonly KeyProvider[]): Promise<EncryptedFileSecretStore> {
    makePrivateFolder(dataDir);
    const file = join(dataDir, SECRETS_FILE);
    removeLeftoverTemporaries(file);
    if (!existsSync(file)) return EncryptedFileSecretStore.create(file, providers);
    assertPrivateFile(file);
    const envelope = readEnvelope(readFileSync(file, 'utf8'));
    if (!envelope) throw damaged(file);
    const provider = providers.find(({ source }) => source === envelope.keySource);
    if (!provider) throw noKey(file, envelope.keySource, 'this program cannot reach it.');
    const key = await keyFrom(provider, file);
    if (keyCheckOf(key) !== envelope.keyCheck) {
      throw new SecretStoreError('wrong_key', `Pieuvre’s secrets file ${file} was locked with another key than the one in the ${KEY_SOURCE_NAMES[envelope.keySource]}. It was left as it is. Restore the key or the file from the same backup, or delete the file and reconnect your accounts.`);
    }
    const secrets = open(envelope, key);
    if (!secrets) throw damaged(file);
    return new EncryptedFileSecretStore(file, envelope.keySource, key, secrets);
  }

  private static async create(file: string, providers: readonly KeyProvider[]): Promise<EncryptedFileSecretStore> {
    const refusals: string[] = [];
    for (const provider of providers) {
      try {
        const key = await provider.getKey({ create: true });
        const store = new EncryptedFileSecretStore(file, provider.source, key, new Map());
        // Written at once, empty: the file records where its key is before any secret needs it.
        store.write(store.secrets);
        return store;
      } catch (error) {
        if (!(error instanceof KeyUnavailableError)) throw error;
        refusals.push(error.message);
      }
    }
    throw new SecretStoreError('no_key', `Pieuvre found no place to keep the key of its secrets. ${refusals.join(' ')}`);
  }

  async get(name: string): Promise<Secret | null> {
    const value = this.secrets.get(nameSchema.parse(name));
    return value === undefined ? null : new Secret(value);
  }

  async set(name: string, value: Secret): Promise<void> {
    nameSchema.parse(name);
    this.change((secrets) => secrets.set(name, value.reveal()));
  }

  async delete(name: string): Promise<boolean> {
    nameSchema.parse(name);
    if (!this.secrets.has(name)) return false;
    this.change((secrets) => secrets.delete(name));
    return true;
  }

  async list(): Promise<string[]> {
    return [...this.secrets.keys()].sort();
  }

  /**
   * Synchronous on purpose, file write included: no two changes can interleave their
   * read-modify-write, and memory changes only once the file has.
   */
  private change(edit: (secrets: Map<string, string>) => void): void {
    const secrets = new Map(this.secrets);
    edit(secrets);
    this.write(secrets);
    this.secrets = secrets;
  }

  private write(secrets: ReadonlyMap<string, string>): void {
    writeFileAtomically(this.file, seal(secrets, this.key, this.keySource), PRIVATE_FILE_MODE);
  }
}

function damaged(file: string): SecretStoreError {
  return new SecretStoreError('damaged', `Pieuvre’s secrets file ${file} is damaged or was changed outside Pieuvre, so it was not read, and it was left as it is. Restore it from a backup, or delete it and reconnect your accounts.`);
}

function noKey(file: string, source: KeySource, reason: string): SecretStoreError {
  return new SecretStoreError('no_key', `Pieuvre’s secrets file ${file} is locked with a key kept in the ${KEY_SOURCE_NAMES[source]}: ${reason} The file was left as it is.`);
}

async function keyFrom(provider: KeyProvider, file: string): Promise<Buffer> {
  try {
    return await provider.getKey({ create: false });
  } catch (error) {
    if (error instanceof KeyUnavailableError) throw noKey(file, provider.source, error.message);
    throw error;
  }
}

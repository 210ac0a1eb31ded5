import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, SECRETS_FILE } from './encryptedFileSecretStore';
import { KEY_FILE, keyFileKeyProvider } from './keyFileKeyProvider';
import { KeyUnavailableError, type KeyProvider } from './keyProvider';
import { Secret } from './secret';
import { accountSecretName, deleteAccountSecrets } from './secretStore';

const SESSION = 'eyJhbGciOiJFUzI1NksifQ.session-token';
let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pieuvre-secrets-'));
  dataDir = join(root, 'data');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const openStore = (providers: readonly KeyProvider[] = [keyFileKeyProvider(dataDir)]) => EncryptedFileSecretStore.open(dataDir, providers);
const secretsFile = () => join(dataDir, SECRETS_FILE);
const modeOf = (path: string) => statSync(path).mode & 0o777;
const envelope = () => JSON.parse(readFileSync(secretsFile(), 'utf8')) as Record<string, string>;

/** A keyring that is not there, as on a server without D-Bus. */
const absentKeyring: KeyProvider = {
  source: 'os-keyring',
  getKey: () => Promise.reject(new KeyUnavailableError('os-keyring', 'no D-Bus session.')),
};

describe('EncryptedFileSecretStore', () => {
  it('keeps secrets across openings, by name, and never writes a value in clear', async () => {
    const store = await openStore();
    const alice = accountSecretName('6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a11', 'session');
    const bob = accountSecretName('b0b0b0b0-0000-4000-8000-000000000000', 'accessToken');
    await store.set(alice, new Secret(SESSION));
    await store.set(bob, new Secret('mastodon-token'));
    await store.set(accountSecretName('6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a11', 'appPassword'), new Secret('abcd-efgh-ijkl-mnop'));
    expect(await store.delete(bob)).toBe(true);
    expect(await store.delete(bob)).toBe(false);

    const again = await openStore();
    expect(again.keySource).toBe('key-file');
    expect(await again.list()).toEqual([
      'account:6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a11:appPassword',
      'account:6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a11:session',
    ]);
    expect((await again.get(alice))?.reveal()).toBe(SESSION);
    expect(await again.get(bob)).toBeNull();
    const onDisk = readFileSync(secretsFile(), 'utf8');
    for (const clear of [SESSION, 'abcd-efgh-ijkl-mnop', 'mastodon-token', alice]) expect(onDisk).not.toContain(clear);

    // An id that another one begins with keeps its own secrets apart.
    await again.set(accountSecretName('6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a1', 'session'), new Secret('carol'));
    expect(await deleteAccountSecrets(again, '6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a11')).toBe(2);
    expect(await (await openStore()).list()).toEqual(['account:6f1c1f1e-8d0a-4a57-9d6a-2b0f0c3f9a1:session']);
    expect(() => accountSecretName('a:b', 'session')).toThrow(/cannot be empty or hold ':'/);
  });

  it('keeps every change made at once, none lost to another', async () => {
    const store = await openStore();
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.set(`name-${String(index).padStart(2, '0')}`, new Secret(`value-${index}`))));
    expect(await (await openStore()).list()).toHaveLength(20);
  });

  it('makes its folder, key and file readable by their owner only, tightening a folder left open', async () => {
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const store = await openStore();
    await store.set('name', new Secret('value'));
    expect([modeOf(dataDir), modeOf(join(dataDir, KEY_FILE)), modeOf(secretsFile())]).toEqual([0o700, 0o600, 0o600]);
  });

  it('refuses a key file or a secrets file that others can read', async () => {
    await openStore();
    chmodSync(join(dataDir, KEY_FILE), 0o644);
    await expect(openStore()).rejects.toThrow(/secret\.key can be read by other users of this computer \(mode 644\)/);
    chmodSync(join(dataDir, KEY_FILE), 0o600);
    chmodSync(secretsFile(), 0o640);
    await expect(openStore()).rejects.toThrow(/secrets\.enc can be read by other users/);
  });

  it('encrypts each write with a fresh IV', async () => {
    const store = await openStore();
    await store.set('name', new Secret('same'));
    const first = envelope();
    await store.set('name', new Secret('same'));
    const second = envelope();
    expect(second.iv).not.toBe(first.iv);
    expect(second.data).not.toBe(first.data);
  });

  it('refuses a file changed outside Pieuvre, saying so, and leaves it as it was', async () => {
    const store = await openStore();
    await store.set('name', new Secret(SESSION));
    const original = readFileSync(secretsFile());
    const flipOne = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const tampered = [
      ...(['iv', 'tag', 'data'] as const).map((field) => JSON.stringify({ ...envelope(), [field]: flipOne(envelope()[field] ?? '') })),
      JSON.stringify({ ...envelope(), tag: Buffer.from(envelope().tag ?? '', 'base64').subarray(0, 4).toString('base64') }),
      original.subarray(0, original.length / 2).toString(),
      '',
      'not json at all',
    ];
    for (const text of tampered) {
      writeFileSync(secretsFile(), text, { mode: 0o600 });
      const refusal = openStore();
      await expect(refusal).rejects.toMatchObject({ name: 'SecretStoreError', code: 'damaged' });
      await expect(refusal).rejects.toThrow(/secrets\.enc is damaged or was changed outside Pieuvre.*left as it is/);
      expect(readFileSync(secretsFile(), 'utf8')).toBe(text);
    }
  });

  it('refuses another key than the one that locked the file', async () => {
    await (await openStore()).set('name', new Secret(SESSION));
    writeFileSync(join(dataDir, KEY_FILE), randomBytes(32).toString('base64'), { mode: 0o600 });
    await expect(openStore()).rejects.toMatchObject({ code: 'wrong_key', message: expect.stringMatching(/locked with another key than the one in the key file/) });
    writeFileSync(join(dataDir, KEY_FILE), randomBytes(16).toString('base64'), { mode: 0o600 });
    await expect(openStore()).rejects.toMatchObject({ code: 'no_key', message: expect.stringMatching(/the stored key has 16 bytes instead of 32/) });
  });

  it('falls back to a key file where there is no keyring, says so, and keeps using it', async () => {
    const store = await openStore([absentKeyring, keyFileKeyProvider(dataDir)]);
    expect(store.keySource).toBe('key-file');
    expect(envelope().keySource).toBe('key-file');
    await store.set('name', new Secret(SESSION));
    expect((await (await openStore([absentKeyring, keyFileKeyProvider(dataDir)])).get('name'))?.reveal()).toBe(SESSION);
  });

  it('says where nothing can keep a key, and never opens a file whose key is out of reach', async () => {
    await expect(openStore([absentKeyring])).rejects.toMatchObject({ code: 'no_key', message: expect.stringMatching(/found no place to keep the key.*system keyring.*no D-Bus session/) });
    await (await openStore()).set('name', new Secret(SESSION));
    const before = readFileSync(secretsFile(), 'utf8');
    await expect(openStore([absentKeyring])).rejects.toMatchObject({ code: 'no_key', message: expect.stringMatching(/locked with a key kept in the key file: this program cannot reach it/) });
    rmSync(join(dataDir, KEY_FILE));
    await expect(openStore()).rejects.toMatchObject({ code: 'no_key', message: expect.stringMatching(/secret\.key is missing/) });
    expect(readFileSync(secretsFile(), 'utf8')).toBe(before);
  });
});

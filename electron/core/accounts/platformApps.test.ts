import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { createTestCore, type TestCore } from '../testing/testCore';
import { PlatformApps, platformAppSecretName } from './platformApps';

const SECRET = 'GOCSPX-client-secret-9f8e7d';
const REDIRECT = (platform: string) => `http://127.0.0.1/pieuvre/${platform}/callback`;

let dataDir: string;
let core: TestCore;
let apps: PlatformApps;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-apps-'));
  core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  apps = new PlatformApps(core.context.db, () => core.secrets(), () => 1_000);
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const databaseBytes = () => Buffer.concat(readdirSync(dataDir).filter((name) => name.startsWith('pieuvre.db')).map((name) => readFileSync(join(dataDir, name))));

describe('PlatformApps', () => {
  it('keeps the client id in SQLite and the secret in the secret store only, and lists the platforms the build connects', async () => {
    expect(apps.list((platform) => (platform === 'youtube' || platform === 'x' ? REDIRECT(platform) : null))).toEqual([
      { platform: 'youtube', clientId: null, hasSecret: false, redirectUri: REDIRECT('youtube') },
      { platform: 'x', clientId: null, hasSecret: false, redirectUri: REDIRECT('x') },
    ]);
    expect(await apps.credentials('youtube')).toBeNull();

    await apps.set({ platform: 'youtube', clientId: '123-abc.apps.googleusercontent.com', clientSecret: SECRET });
    expect(apps.view('youtube', REDIRECT('youtube'))).toEqual({ platform: 'youtube', clientId: '123-abc.apps.googleusercontent.com', hasSecret: true, redirectUri: REDIRECT('youtube') });
    expect(await apps.credentials('youtube')).toEqual({ clientId: '123-abc.apps.googleusercontent.com', clientSecret: SECRET });
    expect((await (await core.secrets()).get(platformAppSecretName('youtube')))?.reveal()).toBe(SECRET);
    expect(databaseBytes().includes(SECRET)).toBe(false);
  });

  it('the same client id alone keeps the stored secret; a new one alone forgets it (a secret belongs to its app); null forgets it; a public client (X) has none', async () => {
    await apps.set({ platform: 'youtube', clientId: 'first', clientSecret: SECRET });
    await apps.set({ platform: 'youtube', clientId: 'first' });
    expect(await apps.credentials('youtube')).toEqual({ clientId: 'first', clientSecret: SECRET });

    await apps.set({ platform: 'youtube', clientId: 'second' });
    expect(await apps.credentials('youtube')).toEqual({ clientId: 'second', clientSecret: null });
    expect(await (await core.secrets()).get(platformAppSecretName('youtube'))).toBeNull();

    await apps.set({ platform: 'youtube', clientId: 'second', clientSecret: SECRET });
    await apps.set({ platform: 'youtube', clientId: 'second', clientSecret: null });
    expect(await apps.credentials('youtube')).toEqual({ clientId: 'second', clientSecret: null });
    expect(await (await core.secrets()).get(platformAppSecretName('youtube'))).toBeNull();
    expect(apps.view('youtube', REDIRECT('youtube')).hasSecret).toBe(false);

    await apps.set({ platform: 'x', clientId: 'x-public-client' });
    expect(await apps.credentials('x')).toEqual({ clientId: 'x-public-client', clientSecret: null });
  });

  it('platforms without an app of the person’s (Bluesky, Mastodon) have no credentials', async () => {
    expect(await apps.credentials('bluesky')).toBeNull();
    expect(await apps.credentials('mastodon')).toBeNull();
  });
});

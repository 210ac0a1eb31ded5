import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID } from '../core/connectors/reddit/contract/openRedditConnector';
import { RedditContractServer } from '../core/connectors/reddit/contract/redditContractServer';
import { BRAND } from '../core/connectors/reddit/contract/redditFixtures';
import { PLATFORM_ORIGINS_VARIABLE } from '../core/connectors/platformOrigins';
import { pieuvre, SPAWNS_TIMEOUT_MS } from './testing/pieuvreProcess';

/**
 * Reddit's script-app sign-in from the command line (#13 §2), against the Reddit contract server:
 * the app's id and secret set first, the password on stdin only, used once and found nowhere in
 * the data folder afterwards.
 */
const SECRET = 'script-secret';
const PASSWORD = 'correct horse';

let dataDir: string;
let server: RedditContractServer;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-reddit-script-'));
  server = await RedditContractServer.start({ clientId: CLIENT_ID, clientSecret: SECRET });
  process.env[PLATFORM_ORIGINS_VARIABLE] = JSON.stringify({ reddit: server.url });
});
afterEach(async () => {
  delete process.env[PLATFORM_ORIGINS_VARIABLE];
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const addScript = (password: string) => pieuvre(dataDir, ['--json', 'accounts', 'add', 'reddit', '--script', '--username', BRAND.name], password);

/** Every file the data folder holds, as bytes read as text: the database, its journal, the secrets, the log. */
const dataFolderText = (): string =>
  readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');

describe('pieuvre accounts add reddit --script', () => {
  it('needs the script app’s secret first, refuses a wrong password by name and one in argv, then signs in with the password from stdin and keeps it nowhere', async () => {
    const noApp = await addScript(`${PASSWORD}\n`);
    expect(noApp.code, noApp.stderr).toBe(1);
    expect(noApp.stderr).toContain('script app first');

    const app = await pieuvre(dataDir, ['accounts', 'app', 'reddit', '--client-id', CLIENT_ID, '--client-secret-stdin'], SECRET);
    expect(app, app.stderr).toMatchObject({ code: 0 });

    const wrong = await addScript('wrong\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('password was wrong');

    const inArgv = await pieuvre(dataDir, ['accounts', 'add', 'reddit', '--script', '--username', BRAND.name, '--password', PASSWORD]);
    expect(inArgv.code, 'a password in argv is a usage error').toBe(2);
    const empty = await addScript('');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('No password on stdin');

    const added = await addScript(`${PASSWORD}\n`);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(added.stdout)).toEqual([{ id: expect.any(String), platform: 'reddit', handle: `u/${BRAND.name}`, status: expect.any(String) }]);
    const grants = server.received('POST', '/api/v1/access_token').map((request) => request.body as Record<string, string>);
    expect(grants.at(-1)).toMatchObject({ grant_type: 'password', username: BRAND.name, password: PASSWORD });
    expect(dataFolderText()).not.toContain(PASSWORD);

    const synced = await pieuvre(dataDir, ['--json', 'sync']);
    expect(synced, synced.stderr).toMatchObject({ code: 0 });
  }, SPAWNS_TIMEOUT_MS * 2);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountCheck } from '../../shared/api/accounts';
import { PlatformApps } from '../core/accounts/platformApps';
import type { OAuthProvider } from '../core/connectors/oauth/oauthProvider';
import { OAuthSignIns } from '../core/connectors/oauth/oauthSignIns';
import { createCore } from '../core/core';
import { keyFileKeyProvider } from '../core/secrets/keyFileKeyProvider';
import { consentAndRedirect, routeTable } from '../core/testing/contractServer';
import { addAccount } from '../core/testing/itemBuilder';
import { RecordedServer } from '../core/testing/recordedServer';
import { ScriptedSyncPlatform } from '../core/testing/scriptedSyncPlatform';
import { createTestCore, type TestCore } from '../core/testing/testCore';
import type { CliSession } from './cliSession';
import { parseCommandLine } from './commandLine';
import { accountsCommand } from './commands/accountsCommand';
import { pieuvre as runPieuvre, SPAWNS_TIMEOUT_MS, type Run } from './testing/pieuvreProcess';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-platforms-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const pieuvre = (args: readonly string[]): Promise<Run> => runPieuvre(dataDir, args);

/** Accounts on platforms this build may not connect yet, as a sign-in would have left them. */
async function accountsIn(platforms: readonly ('x' | 'facebook')[]): Promise<string[]> {
  const core = createCore({ dataDir, lockAs: 'app' });
  try {
    await core.health.whenWritable();
    return platforms.map((platform) => addAccount(core.context.db, platform, `${platform}-1`));
  } finally {
    core.close();
  }
}

describe('pieuvre accounts budget and check', () => {
  it('sets and lifts an X account’s monthly budget, refuses one elsewhere, and says a wrong command line', async () => {
    const [xId, facebookId] = await accountsIn(['x', 'facebook']);
    const set = await pieuvre(['--json', 'accounts', 'budget', xId!, '--usd', '25.50']);
    expect(set, set.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(set.stdout)).toEqual({ id: xId, platform: 'x', handle: '@brulerie', status: 'connected', monthlyBudgetUsd: 25.5 });
    expect((await pieuvre(['accounts', 'budget', xId!, '--none'])).stdout).toBe(`${xId}: no monthly budget.\n`);

    const refused = await pieuvre(['accounts', 'budget', facebookId!, '--usd', '10']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only for X accounts');
    for (const args of [['accounts', 'budget', xId!], ['accounts', 'budget', xId!, '--usd', '5', '--none'], ['accounts', 'budget', xId!, '--usd', 'lots']]) {
      expect((await pieuvre(args)).code, args.join(' ')).toBe(2);
    }
  }, SPAWNS_TIMEOUT_MS);

  it('checks an account live and exits 1 with every step said when one failed', async () => {
    const [xId] = await accountsIn(['x']);
    const run = await pieuvre(['--json', 'accounts', 'check', xId!]);
    expect(run.code).toBe(1);
    const check = JSON.parse(run.stdout) as AccountCheck;
    expect(check).toMatchObject({ id: xId, ok: false, steps: [{ step: 'open', ok: false }] });
    expect((await pieuvre(['accounts', 'check', xId!])).stdout).toMatch(/^FAIL {2}open: .+\nThe check failed\.\n$/u);
  }, SPAWNS_TIMEOUT_MS);
});

describe('pieuvre accounts app and add for a wave-2 platform', () => {
  let server: RecordedServer;
  let core: TestCore;
  let signIns: OAuthSignIns;
  beforeEach(async () => {
    server = await RecordedServer.start(
      routeTable({
        'GET /authorize': (request) => consentAndRedirect(request, 'code-1'),
        'POST /token': (request) => ((request.body as Record<string, string>).code === 'code-1' ? { body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 3600 } } : { status: 400, body: { error: 'invalid_grant' } }),
      }),
    );
    const provider: OAuthProvider = {
      platform: 'x',
      authorizationEndpoint: `${server.url}/authorize`,
      tokenEndpoint: `${server.url}/token`,
      scopes: ['tweet.read'],
      scopeSeparator: ' ',
      usesPkce: true,
      clientAuthentication: 'none',
      redirect: { port: 0, path: '/pieuvre/x/callback' },
      extraAuthorizationParams: {},
      signedIn: async (tokens) => [{ platform: 'x', externalId: '1234', handle: '@brulerie', name: 'Brûlerie', server: null, secret: tokens.accessToken }],
    };
    signIns = new OAuthSignIns({ providers: { x: provider }, apps: (platform) => new PlatformApps(core.context.db, () => core.secrets(), Date.now).credentials(platform), fetch, now: Date.now });
    core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories: { x: new ScriptedSyncPlatform('x') }, signIns: { oauth: signIns } } });
  });
  afterEach(async () => {
    signIns.close();
    core.close();
    await server.close();
    vi.restoreAllMocks();
  });

  /** The command as the command line runs it, on this test's core. */
  const run = (argv: readonly string[]) => {
    const { args } = parseCommandLine(argv, () => accountsCommand.options);
    const session: CliSession = { core, call: core.call, close: async () => undefined };
    return accountsCommand.run(session, args);
  };

  it('sets the app and prints the redirect address, then adds the account once the browser came back', async () => {
    const app = await run(['accounts', 'app', 'x', '--client-id', 'x-client']);
    expect(app.json).toEqual({ platform: 'x', clientId: 'x-client', hasSecret: false, redirectUri: 'http://127.0.0.1/pieuvre/x/callback' });
    expect(app.text).toContain('Register this redirect address in the app’s settings: http://127.0.0.1/pieuvre/x/callback');

    // The person opens the address printed on stderr: the consent sends their browser back to Pieuvre.
    const printed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      const address = /Open this address to sign in: (\S+)/u.exec(String(chunk))?.[1];
      if (address) void fetch(address).then((response) => response.text());
      return true;
    });
    const added = await run(['accounts', 'add', 'x']);
    expect(added.json).toEqual([{ id: expect.any(String), platform: 'x', handle: '@brulerie', status: 'connected' }]);
    expect(printed.join('')).toMatch(/^Open this address to sign in: http:\/\/127\.0\.0\.1:\d+\/authorize\?client_id=x-client&/u);
  });

  it('refuses a wrong command line before calling the platform', async () => {
    await expect(run(['accounts', 'app', 'x'])).rejects.toThrow('--client-id is required');
    await expect(run(['accounts', 'app', 'x', '--client-id', 'a', '--client-secret-stdin', '--forget-secret'])).rejects.toThrow('do not go together');
    await expect(run(['accounts', 'add', 'x', '--server', 'https://x.com'])).rejects.toThrow('--server does not go with this action');
    await expect(run(['accounts', 'add', 'x'])).rejects.toThrow('Set up your X app first');
    expect(server.requests).toEqual([]);
  });
});

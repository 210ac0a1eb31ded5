import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthPlatform } from '../../../shared/domain/platform';
import { ConnectorError } from '../connectors/connector';
import type { OAuthProvider } from '../connectors/oauth/oauthProvider';
import { OAuthSignIns } from '../connectors/oauth/oauthSignIns';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { accountSecretName } from '../secrets/secretStore';
import { cursorsOf } from '../store/accounts';
import { consentAndRedirect, routeTable } from '../testing/contractServer';
import { commentItem } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { memoryLog } from '../testing/memoryLog';
import { RecordedServer } from '../testing/recordedServer';
import { ScriptedSyncPlatform } from '../testing/scriptedSyncPlatform';
import { createTestCore, type TestCore } from '../testing/testCore';
import { PlatformApps } from './platformApps';

const APP = { clientId: 'client-1', clientSecret: 'app-secret' };

let dataDir: string;
let server: RecordedServer;
let core: TestCore;
let signIns: OAuthSignIns;
const scripted = { youtube: new ScriptedSyncPlatform('youtube'), x: new ScriptedSyncPlatform('x') };

/**
 * A platform's sign-in as RFC 6749 has it, on a local server: consent sends the browser back with
 * a code, the token endpoint takes it from the app it was issued to, and the provider says which
 * accounts the token gives (two, as a Facebook sign-in gives each Page).
 */
const provider = (platform: OAuthPlatform): OAuthProvider => ({
  platform,
  authorizationEndpoint: `${server.url}/authorize`,
  tokenEndpoint: `${server.url}/token`,
  scopes: ['read'],
  scopeSeparator: ' ',
  usesPkce: true,
  clientAuthentication: 'client_secret_post',
  redirect: { port: 0, path: `/pieuvre/${platform}/callback` },
  extraAuthorizationParams: {},
  signedIn: async (tokens) => ['one', 'two'].map((n) => ({ platform, externalId: `${platform}-${n}`, handle: `@${n}`, name: `Brand ${n}`, server: null, secret: `${tokens.accessToken}:${n}` })),
});

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-oauth-accounts-'));
  server = await RecordedServer.start(
    routeTable({
      'GET /authorize': (request) => consentAndRedirect(request, 'code-1'),
      'POST /token': (request) => {
        const form = request.body as Record<string, string>;
        if (form.client_id !== APP.clientId || form.client_secret !== APP.clientSecret || form.code !== 'code-1') return { status: 400, body: { error: 'invalid_grant' } };
        return { body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'refresh-1' } };
      },
    }),
  );
  // The runner asks for the person's app as the app does: from the core's own platform apps.
  signIns = new OAuthSignIns({ providers: { youtube: provider('youtube'), x: provider('x') }, apps: (platform) => new PlatformApps(core.context.db, () => core.secrets(), Date.now).credentials(platform), fetch, now: Date.now });
  core = createTestCore({
    dataDir,
    log: memoryLog().log,
    keyProviders: [keyFileKeyProvider(dataDir)],
    platforms: { factories: scripted, signIns: { oauth: signIns } },
    sync: { timers: new ManualTimers(), random: () => 0.5 },
  });
});
afterEach(async () => {
  signIns.close();
  core.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  for (const platform of Object.values(scripted)) platform.opened.splice(0);
});

/** The person's browser: the consent page, then the redirect back to Pieuvre's loopback listener. */
const consent = async (authorizeUrl: string) => void (await (await fetch(authorizeUrl)).text());

async function signIn(platform: OAuthPlatform) {
  const pending = await core.call('accounts.startOAuth', { platform });
  const finished = core.call('accounts.finishOAuth', { signInId: pending.signInId });
  await consent(pending.authorizeUrl);
  return finished;
}

describe('wave-2 accounts through the API', () => {
  it('asks for the app first, shows the redirect address to register, then signs in every account the platform gives, each connector with the app', async () => {
    expect(await core.call('accounts.platformApps', {})).toEqual([
      { platform: 'youtube', clientId: null, hasSecret: false, redirectUri: 'http://127.0.0.1/pieuvre/youtube/callback' },
      { platform: 'x', clientId: null, hasSecret: false, redirectUri: 'http://127.0.0.1/pieuvre/x/callback' },
    ]);
    expect(await core.client.call('accounts.startOAuth', { platform: 'youtube' })).toMatchObject({ ok: false, error: { reason: 'app_not_set' } });
    expect(await core.client.call('accounts.setPlatformApp', { platform: 'facebook', clientId: 'meta-app' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(core.context.db.prepare('SELECT count(*) FROM platform_apps').pluck().get()).toBe(0);

    expect(await core.call('accounts.setPlatformApp', { platform: 'youtube', ...APP })).toEqual({ platform: 'youtube', clientId: 'client-1', hasSecret: true, redirectUri: 'http://127.0.0.1/pieuvre/youtube/callback' });
    const accounts = await signIn('youtube');
    expect(accounts.map(({ platform, handle, state }) => ({ platform, handle, state }))).toEqual([
      { platform: 'youtube', handle: '@one', state: 'connected' },
      { platform: 'youtube', handle: '@two', state: 'connected' },
    ]);
    const store = await core.secrets();
    expect((await store.get(accountSecretName(accounts[1]!.id, 'session')))?.reveal()).toBe('access-1:two');
    expect(scripted.youtube.opened.map(({ secret, io }) => ({ secret, app: io?.app }))).toEqual([
      { secret: 'access-1:one', app: APP },
      { secret: 'access-1:two', app: APP },
    ]);
  });

  it('a pasted address finishes the sign-in; a cancelled one ends its wait', async () => {
    await core.call('accounts.setPlatformApp', { platform: 'youtube', ...APP });
    const pending = await core.call('accounts.startOAuth', { platform: 'youtube' });
    const pasted = `${pending.redirectUri}?code=code-1&state=whatever`;
    expect((await core.call('accounts.finishOAuth', { signInId: pending.signInId, code: pasted })).map((account) => account.handle)).toEqual(['@one', '@two']);

    const cancelled = await core.call('accounts.startOAuth', { platform: 'youtube' });
    const waiting = core.client.call('accounts.finishOAuth', { signInId: cancelled.signInId });
    await core.call('accounts.cancelSignIn', { signInId: cancelled.signInId });
    expect(await waiting).toMatchObject({ ok: false, error: { reason: 'denied' } });
  });

  it('sets a monthly budget on an X account only, and lifts it', async () => {
    await core.call('accounts.setPlatformApp', { platform: 'x', clientId: APP.clientId, clientSecret: APP.clientSecret });
    const [xAccount] = await signIn('x');
    await core.call('accounts.setPlatformApp', { platform: 'youtube', ...APP });
    const [youtubeAccount] = await signIn('youtube');
    const budgetOf = (id: string) => core.context.db.prepare<[string], number | null>('SELECT monthly_budget FROM accounts WHERE id = ?').pluck().get(id);

    await core.call('accounts.setMonthlyBudget', { id: xAccount!.id, usd: 25.5 });
    expect(budgetOf(xAccount!.id)).toBe(25.5);
    expect(scripted.x.opened[0]?.io?.usage.monthlyBudget()).toBe(25.5);
    await core.call('accounts.setMonthlyBudget', { id: xAccount!.id, usd: null });
    expect(budgetOf(xAccount!.id)).toBeNull();
    expect(await core.client.call('accounts.setMonthlyBudget', { id: youtubeAccount!.id, usd: 10 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('only for X accounts') } });
    expect(await core.client.call('accounts.setMonthlyBudget', { id: xAccount!.id, usd: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('checks an account live with a connector of its own: one page read and counted, nothing stored, no cursor moved', async () => {
    await core.call('accounts.setPlatformApp', { platform: 'youtube', ...APP });
    const [account] = await signIn('youtube');
    const cursorsBefore = cursorsOf(core.context.db, account!.id);
    scripted.youtube.steps.splice(0);
    scripted.youtube.steps.push({ items: [commentItem({ n: 1, platform: 'youtube' }), commentItem({ n: 2, platform: 'youtube' })], cursors: { comments: 'c2' }, hasMore: true });
    const opened = scripted.youtube.opened.length;

    const check = await core.call('accounts.check', { id: account!.id });
    expect(check).toMatchObject({ id: account!.id, ok: true, steps: [{ step: 'open', ok: true }, { step: 'inbox', ok: true, detail: expect.stringContaining('2 new item(s)') }] });
    expect(scripted.youtube.opened).toHaveLength(opened + 1);
    expect(scripted.youtube.opened.at(-1)?.connector.isClosed).toBe(true);
    expect(cursorsOf(core.context.db, account!.id)).toEqual(cursorsBefore);
    expect(core.context.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);

    scripted.youtube.steps.push(new ConnectorError('Token has been expired or revoked.', 'auth'));
    expect(await core.call('accounts.check', { id: account!.id })).toMatchObject({ ok: false, steps: [{ step: 'open', ok: true }, { step: 'inbox', ok: false, detail: 'Token has been expired or revoked.' }] });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { createSnacAccount, submitSnacSignInForm, type SnacAccount } from '../../../../scripts/peers/snacAccounts';
import { EncryptedFileSecretStore } from '../../secrets/encryptedFileSecretStore';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import type { SecretStore } from '../../secrets/secretStore';
import { openMastodonConnector, snacFetch, syncRequest } from '../../testing/snacMastodon';
import { appSecretName } from './appRegistration';
import { decodeMastodonSecret } from './mastodonSecret';
import { MastodonSignIns, type MastodonSignInsOptions } from './mastodonSignIns';
import { outOfBandFlowName } from './outOfBandFlow';

// Signing in to a real Mastodon-API server (snac2) as a person would: Pieuvre gives the address
// to open, the "browser" (fetch here) fills in the server's sign-in form and follows its redirect
// to Pieuvre's loopback listener, or the person pastes the code the server shows.

let peers: PeerServers;
let alice: SnacAccount;
let dataDir: string;
let secrets: SecretStore;
const open: MastodonSignIns[] = [];
/** The app the first sign-in registered, whose token it then revokes. */
let revokedClientId: string | null = null;

beforeAll(async () => {
  peers = await ensurePeers();
  alice = await createSnacAccount(peers, 'alice');
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-mastodon-signin-'));
  secrets = await EncryptedFileSecretStore.open(dataDir, [keyFileKeyProvider(dataDir)]);
}, ENSURE_PEERS_TIMEOUT_MS);
afterEach(() => open.splice(0).forEach((signIns) => signIns.close()));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function signIns(options: Partial<MastodonSignInsOptions> = {}): MastodonSignIns {
  const made = new MastodonSignIns({ secrets, fetch: snacFetch, now: Date.now, ...options });
  open.push(made);
  return made;
}

/** The browser: the server's sign-in form, then its redirect followed to wherever it points. */
async function signInInBrowser(authorizeUrl: string): Promise<Response> {
  const form = await submitSnacSignInForm(authorizeUrl, alice);
  expect(form.status).toBe(303);
  return fetch(form.headers.get('location') ?? '');
}

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

describe('Mastodon sign-in against snac2', () => {
  it('signs in through the loopback redirect with PKCE, registers once per server, and gives a token that works until revoked', async () => {
    const flow = signIns();
    const pending = await flow.start(peers.snac.url);
    const { authorizeUrl } = pending;
    expect(param(authorizeUrl, 'redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pieuvre\/mastodon\/callback$/);
    expect(param(authorizeUrl, 'code_challenge_method')).toBe('S256');
    expect(param(authorizeUrl, 'code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(param(authorizeUrl, 'scope')).toBe('read:accounts read:notifications read:statuses write:statuses write:blocks write:mutes write:reports');
    const finished = flow.finish(pending.signInId);

    const page = await signInInBrowser(authorizeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/You can close this tab\.[\s\S]*Vous pouvez fermer cet onglet\./);
    const signedIn = await finished;
    expect(signedIn).toMatchObject({ platform: 'mastodon', externalId: `${peers.snac.url}/${alice.name}`, handle: alice.acct, server: peers.snac.url });
    // The listener is gone once it has its redirect.
    await expect(fetch(param(authorizeUrl, 'redirect_uri') ?? '')).rejects.toThrow();

    const again = await signIns().start(peers.snac.url);
    expect(param(again.authorizeUrl, 'client_id')).toBe(param(authorizeUrl, 'client_id'));
    expect(await secrets.list()).toContain(appSecretName(peers.snac.url));

    const { server, accessToken } = decodeMastodonSecret(signedIn.secret);
    const connector = openMastodonConnector(server, accessToken);
    await expect(connector.sync(syncRequest())).resolves.toMatchObject({ hasMore: false });
    const app = JSON.parse((await secrets.get(appSecretName(peers.snac.url)))!.reveal()) as { clientId: string; clientSecret: string };
    const revoked = await snacFetch(`${peers.snac.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, token: accessToken }),
    });
    expect(revoked.status).toBe(200);
    revokedClientId = app.clientId;
    await expect(connector.sync(syncRequest({ cursors: { notifications: '1' } }))).rejects.toMatchObject({ kind: 'auth' });
    connector.close();
  });

  it('takes the code the server shows when there is no loopback listener (out of band), registering again once the server forgot the app', async () => {
    const flow = signIns({ loopback: null });
    const pending = await flow.start(peers.snac.url);
    expect(param(pending.authorizeUrl, 'redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    // snac forgets an app whose token was revoked (the test before): a new registration.
    expect(revokedClientId).not.toBeNull();
    expect(param(pending.authorizeUrl, 'client_id')).not.toBe(revokedClientId);
    const shown = await submitSnacSignInForm(pending.authorizeUrl, alice);
    const code = (await shown.text()).trim();
    await expect(flow.finish(pending.signInId, code)).resolves.toMatchObject({ handle: alice.acct });
  });

  it('keeps the out-of-band flow in the secret store, where a later process finishes it with the code, once; another state or an expired flow is refused', async () => {
    const pending = await signIns().start(peers.snac.url);
    const outOfBand = pending.outOfBandUrl;
    expect(param(outOfBand, 'redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    expect(param(outOfBand, 'code_challenge')).not.toBe(param(pending.authorizeUrl, 'code_challenge'));
    expect(await secrets.list()).toContain(outOfBandFlowName(peers.snac.url));
    // What the secret keeps is never in the address: the verifier behind the challenge.
    expect(outOfBand).not.toContain(JSON.parse((await secrets.get(outOfBandFlowName(peers.snac.url)))!.reveal()).verifier);

    const shown = await submitSnacSignInForm(outOfBand, alice);
    const code = (await shown.text()).trim();
    const later = signIns();
    // snac shows `CODE&state=STATE`; the code alone, in an address carrying another state.
    const forged = `http://127.0.0.1/?code=${code.split('&')[0]}&state=forged`;
    await expect(later.finishOutOfBand(peers.snac.url, forged)).rejects.toMatchObject({ reason: 'state_mismatch' });
    // A refused attempt uses the flow up, as the server's code is used once: start again.
    await expect(later.finishOutOfBand(peers.snac.url, code)).rejects.toMatchObject({ reason: 'expired' });

    const again = await signIns().start(peers.snac.url);
    const againCode = (await (await submitSnacSignInForm(again.outOfBandUrl, alice)).text()).trim();
    await expect(signIns().finishOutOfBand(peers.snac.url, againCode)).resolves.toMatchObject({ handle: alice.acct, server: peers.snac.url });
    expect(await secrets.list()).not.toContain(outOfBandFlowName(peers.snac.url));

    await signIns({ timeoutMs: 1 }).start(peers.snac.url);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(signIns().finishOutOfBand(peers.snac.url, 'any-code')).rejects.toMatchObject({ reason: 'expired' });
  });

  it('refuses a redirect carrying another state, and says so when the person refuses', async () => {
    const flow = signIns();
    const forged = await flow.start(peers.snac.url);
    const refused = expect(flow.finish(forged.signInId)).rejects.toMatchObject({ reason: 'state_mismatch' });
    const answer = await fetch(`${param(forged.authorizeUrl, 'redirect_uri')}?code=stolen&state=forged`);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('not the one Pieuvre was waiting for');
    await refused;

    const denied = await flow.start(peers.snac.url);
    const finishing = expect(flow.finish(denied.signInId)).rejects.toMatchObject({ reason: 'denied' });
    await fetch(`${param(denied.authorizeUrl, 'redirect_uri')}?error=access_denied&state=${param(denied.authorizeUrl, 'state')}`);
    await finishing;
    await expect(flow.finish(denied.signInId)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('expires when the person does not come back in time, and ends when cancelled, its listener with it', async () => {
    const flow = signIns({ timeoutMs: 300 });
    const pending = await flow.start(peers.snac.url);
    await expect(flow.finish(pending.signInId)).rejects.toMatchObject({ reason: 'expired' });

    const cancelled = await signIns().start(peers.snac.url);
    const finishing = expect(open.at(-1)!.finish(cancelled.signInId)).rejects.toMatchObject({ reason: 'denied' });
    open.at(-1)!.cancel(cancelled.signInId);
    await finishing;
    await expect(fetch(param(cancelled.authorizeUrl, 'redirect_uri') ?? '')).rejects.toThrow();
  });

  it('says when a server cannot be reached or is not a Mastodon server', async () => {
    const notMastodon = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>'));
    await new Promise<void>((resolve) => notMastodon.listen(0, '127.0.0.1', resolve));
    const { port } = notMastodon.address() as AddressInfo;
    try {
      await expect(signIns().start(`http://127.0.0.1:${port}`)).rejects.toMatchObject({ reason: 'not_a_server' });
    } finally {
      await new Promise((resolve) => notMastodon.close(resolve));
    }
    await expect(signIns().start(`http://127.0.0.1:${port}`)).rejects.toMatchObject({ reason: 'server_unreachable' });
  });
});

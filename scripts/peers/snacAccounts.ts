import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { uniqueName, type PeerServers } from './peers';

/** Accounts and Mastodon API tokens on the local snac2 server (scripts/peers/), for tests. */

/**
 * snac closes kept-alive connections on its own (seen right after its sign-in form), and fetch
 * may send the next request on one it has just closed: "other side closed". Every request to
 * snac asks for a connection of its own instead.
 */
export const SNAC_HEADERS = { connection: 'close' } as const;

const fetchSnac = (url: string | URL, init: RequestInit = {}): Promise<Response> =>
  fetch(url, { ...init, headers: { ...SNAC_HEADERS, ...(init.headers as Record<string, string> | undefined) } });

async function postOk(url: string, init: RequestInit): Promise<Response> {
  const response = await fetchSnac(url, { method: 'POST', ...init });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

export interface SnacAccount {
  name: string;
  password: string;
  /** How other accounts mention it: name@host. */
  acct: string;
}

const peersDir = path.dirname(fileURLToPath(import.meta.url));

/** A new snac2 user (snac-peer.sh adduser, which draws its password). */
export async function createSnacAccount(peers: PeerServers, name: string): Promise<SnacAccount> {
  const user = uniqueName(name);
  const output = await new Promise<string>((resolve, reject) => {
    execFile('bash', [path.join(peersDir, 'snac-peer.sh'), 'adduser', user], { env: { ...process.env, ...peers.env } }, (error, stdout, stderr) =>
      error ? reject(new Error(`snac adduser ${user}: ${stderr}`)) : resolve(stdout),
    );
  });
  const password = output.trim().split(' ')[1];
  if (!password) throw new Error(`snac adduser ${user} printed no password: ${output}`);
  return { name: user, password, acct: `${user}@${new URL(peers.snac.url).host}` };
}

/**
 * Signs in on snac's OAuth page as a browser would: opens the authorize address, fills in the
 * form it shows and submits it. snac answers with the code itself for the out-of-band redirect
 * (urn:ietf:wg:oauth:2.0:oob), otherwise with a redirect to redirect_uri?code=… (not followed).
 */
export async function submitSnacSignInForm(authorizeUrl: string, account: SnacAccount): Promise<Response> {
  const page = await fetchSnac(authorizeUrl);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !action) throw new Error(`GET ${authorizeUrl}: ${page.status}, no sign-in form in ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(name ?? '', value ?? '');
  fields.set('login', account.name);
  fields.set('passwd', account.password);
  return fetchSnac(new URL(action, authorizeUrl), { method: 'POST', body: fields, redirect: 'manual' });
}

const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob';
const SNAC_SCOPES = 'read write follow';
const appSchema = z.object({ client_id: z.string(), client_secret: z.string() });
const tokenSchema = z.object({ access_token: z.string() });

/** An access token for the Mastodon API, the way a client gets one from snac: app, sign-in form, code, token (snac has no password grant). */
export async function snacToken(peers: PeerServers, account: SnacAccount): Promise<string> {
  const url = peers.snac.url;
  const json = { 'content-type': 'application/json' };
  const appResponse = await postOk(`${url}/api/v1/apps`, {
    headers: json,
    body: JSON.stringify({ client_name: 'pieuvre-tests', redirect_uris: OUT_OF_BAND, scopes: SNAC_SCOPES }),
  });
  const app = appSchema.parse(await appResponse.json());
  const authorize = `${url}/oauth/authorize?${new URLSearchParams({ client_id: app.client_id, redirect_uri: OUT_OF_BAND, response_type: 'code', scope: SNAC_SCOPES, state: '' })}`;
  const signIn = await submitSnacSignInForm(authorize, account);
  const code = (await signIn.text()).trim();
  if (signIn.status !== 200 || !/^[0-9a-f]+$/i.test(code)) throw new Error(`snac sign-in of ${account.name}: ${signIn.status} ${code.slice(0, 300)}`);
  const tokenResponse = await postOk(`${url}/oauth/token`, {
    headers: json,
    body: JSON.stringify({ grant_type: 'authorization_code', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OUT_OF_BAND, code }),
  });
  return tokenSchema.parse(await tokenResponse.json()).access_token;
}

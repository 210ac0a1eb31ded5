import { AtpAgent } from '@atproto/api';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { z } from 'zod';
import { peerServersSchema, type PeerServers } from './peerServers';

/**
 * What tests call to use the local social servers: ensurePeers() starts them once per run
 * (installing them on first use), the rest makes accounts on them.
 */

export type { PeerServers };

/** Generous: the very first call installs the servers (npm ci compiles a native module). */
export const ENSURE_PEERS_TIMEOUT_MS = 20 * 60_000;

let ensured: Promise<PeerServers> | undefined;

/** The servers' addresses; starts them on the first call of the run. Needs scripts/peers/globalSetup.ts. */
export function ensurePeers(): Promise<PeerServers> {
  ensured ??= askGlobalSetup();
  return ensured;
}

// node:http rather than fetch: fetch gives up on response headers after 5 minutes, and a first
// install can take longer.
function askGlobalSetup(): Promise<PeerServers> {
  const endpoint = inject('peersEndpoint');
  if (!endpoint) return Promise.reject(new Error('ensurePeers() needs scripts/peers/globalSetup.ts in vitest globalSetup.'));
  return new Promise((resolve, reject) => {
    const request = http.request(endpoint, { method: 'POST' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        if (response.statusCode === 200) resolve(peerServersSchema.parse(JSON.parse(body)));
        else reject(new Error(`The local servers did not start: ${body}`));
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** A name no other test of the run uses: handles and user names must be unique per server. */
function uniqueName(base: string): string {
  return `${base}${randomBytes(3).toString('hex')}`;
}

async function postOk(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { method: 'POST', ...init });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

export interface BlueskyAccount {
  handle: string;
  did: string;
  password: string;
  /** What a person gives Pieuvre to sign in (com.atproto.server.createAppPassword). */
  appPassword: string;
}

/** A new account on the local PDS (handles end in .test; no invite code, no e-mail sent). */
export async function createBlueskyAccount(peers: PeerServers, name: string): Promise<BlueskyAccount> {
  const handle = `${uniqueName(name)}.test`;
  const password = `${handle}-password`;
  const agent = new AtpAgent({ service: peers.bluesky.pds });
  const { data } = await agent.createAccount({ handle, password, email: `${handle}@example.test` });
  const appPassword = await agent.com.atproto.server.createAppPassword({ name: 'pieuvre' });
  return { handle: data.handle, did: data.did, password, appPassword: appPassword.data.password };
}

/** The AppView indexes the PDS's writes asynchronously: call this after writing, before reading feeds or notifications. */
export async function syncBluesky(peers: PeerServers): Promise<void> {
  await postOk(`${peers.bluesky.control}/sync`, {});
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
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !action) throw new Error(`GET ${authorizeUrl}: ${page.status}, no sign-in form in ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(name ?? '', value ?? '');
  fields.set('login', account.name);
  fields.set('passwd', account.password);
  return fetch(new URL(action, authorizeUrl), { method: 'POST', body: fields, redirect: 'manual' });
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

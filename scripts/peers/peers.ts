import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { inject } from 'vitest';
import { peerServersSchema, type PeerServers } from './peerServers';

/**
 * What tests call to use the local social servers: ensurePeers() starts them once per run
 * (installing them on first use); blueskyAccounts.ts and snacAccounts.ts make accounts on them.
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
export function uniqueName(base: string): string {
  return `${base}${randomBytes(3).toString('hex')}`;
}

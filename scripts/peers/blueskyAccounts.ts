import { AtpAgent } from '@atproto/api';
import { uniqueName, type PeerServers } from './peers';

/** Accounts on the local Bluesky network (scripts/peers/), for tests. */

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
  const response = await fetch(`${peers.bluesky.control}/sync`, { method: 'POST' });
  if (!response.ok) throw new Error(`Bluesky sync: ${response.status} ${await response.text()}`);
}

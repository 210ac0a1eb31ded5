import { memoryUsageMeter } from '../accounts/usageMeter';
import { AtpAgent } from '@atproto/api';
import { createBlueskyAccount, syncBluesky, type BlueskyAccount } from '../../../scripts/peers/blueskyAccounts';
import type { PeerServers } from '../../../scripts/peers/peers';
import type { Connector, ConnectorIo, Cursors, SyncPage, SyncRequest } from '../connectors/connector';
import type { SignedIn } from '../connectors/signIn';
import { blueskyConnectorFactory } from '../connectors/bluesky/blueskyConnectorFactory';
import { signInToBluesky } from '../connectors/bluesky/blueskySignIn';

/** Test helpers over the local Bluesky network: a brand connected through Pieuvre's own sign-in, and other people's agents. */

export type ConnectedBrand = {
  account: BlueskyAccount;
  signedIn: SignedIn;
  connector: Connector;
  /** Every secret the connector saved, in order. */
  saved: string[];
  /** The brand's own agent (its password), for what a test checks or prepares as the brand. */
  agent: AtpAgent;
};

export async function connectBrand(peers: PeerServers, options: { server?: string; secret?: (secret: string) => string; fetch?: typeof fetch; saved?: string[] } = {}): Promise<ConnectedBrand> {
  const account = await createBlueskyAccount(peers, 'brand');
  const server = options.server ?? peers.bluesky.pds;
  const signedIn = await signInToBluesky({ identifier: account.handle, appPassword: account.appPassword, server }, { fetch, signal: AbortSignal.timeout(15_000) });
  const saved = options.saved ?? [];
  const io: ConnectorIo = { now: () => Date.now(), fetch: options.fetch ?? fetch, saveSecret: async (secret) => void saved.push(secret), app: null, usage: memoryUsageMeter() };
  const accountView = { id: 'account-1', platform: 'bluesky' as const, externalId: signedIn.externalId, handle: signedIn.handle, server: signedIn.server };
  const connector = blueskyConnectorFactory.open(accountView, options.secret ? options.secret(signedIn.secret) : signedIn.secret, io);
  const agent = await agentOf(peers, account);
  await untilIndexed(peers, agent, account);
  return { account, signedIn, connector, saved, agent };
}

/**
 * Waits until the AppView lists these posts among the brand's notifications: it indexes them
 * asynchronously, sometimes after the firehose is drained, and a test reading too early fails on
 * the network's timing instead of on Pieuvre.
 */
export async function untilNotified(peers: PeerServers, brand: Pick<ConnectedBrand, 'account' | 'agent'>, uris: readonly string[]): Promise<void> {
  let seen = new Set<string>();
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await syncBluesky(peers);
    const { data } = await brand.agent.listNotifications({ limit: 100 });
    seen = new Set(data.notifications.map((notification) => notification.uri));
    if (uris.every((uri) => seen.has(uri))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The AppView never notified ${brand.account.handle} of ${uris.filter((uri) => !seen.has(uri)).join(', ')}.`);
}

/** Someone else on the network, signed in with their own password. */
export async function personOn(peers: PeerServers, name: string): Promise<{ account: BlueskyAccount; agent: AtpAgent }> {
  const account = await createBlueskyAccount(peers, name);
  const agent = await agentOf(peers, account);
  await untilIndexed(peers, agent, account);
  return { account, agent };
}

/**
 * The AppView indexes a new account (its handle checked) apart from its posts: a reply to an
 * account it does not know yet notifies nobody. Tests write only once it shows the profile.
 */
async function untilIndexed(peers: PeerServers, agent: AtpAgent, account: BlueskyAccount): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await syncBluesky(peers);
    const profile = await agent.getProfile({ actor: account.did }).catch(() => null);
    if (profile?.data.handle === account.handle) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The AppView never indexed ${account.handle}.`);
}

async function agentOf(peers: PeerServers, account: BlueskyAccount): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: peers.bluesky.pds });
  await agent.login({ identifier: account.handle, password: account.password });
  return agent;
}

/** Pages through one whole sync as the engine would, storing cursors after each page. */
export async function syncAll(connector: Connector, request: Partial<SyncRequest> & { cursors?: Cursors } = {}): Promise<{ pages: SyncPage[]; cursors: Cursors; items: unknown[] }> {
  const pages: SyncPage[] = [];
  let cursors: Record<string, string> = { ...request.cursors };
  for (;;) {
    const page = await connector.sync({ signal: AbortSignal.timeout(20_000), backfillSince: Date.now() - 7 * 86_400_000, recheck: [], ...request, cursors });
    pages.push(page);
    cursors = applyCursors(cursors, page.cursors);
    if (!page.hasMore) break;
  }
  return { pages, cursors, items: pages.flatMap((page) => page.items) };
}

function applyCursors(cursors: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...cursors };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

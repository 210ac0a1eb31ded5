import { memoryUsageMeter } from '../../../accounts/usageMeter';
import type { Cursors, SyncPage, SyncRequest } from '../../connector';
import { InstagramConnector } from '../instagramConnector';
import { type InstagramSecret } from '../instagramSecret';
import { InstagramContractServer } from './instagramContractServer';
import { BRAND } from './instagramWorld';

export const DAY_MS = 86_400_000;
/** The contract tests' fixed "now": 5 December 2026, noon UTC. */
export const KIT_NOW = Date.UTC(2026, 11, 5, 12);

/** A contract server and a connector opened on it with a long-lived token, on one movable clock. */
export async function startInstagramKit(options: { tokenAgeMs?: number; expiresInMs?: number } = {}) {
  const clock = { now: KIT_NOW };
  const server = await InstagramContractServer.start({ now: () => clock.now });
  const saved: InstagramSecret[] = [];
  const issuedAt = clock.now - (options.tokenAgeMs ?? 2 * DAY_MS);
  const secret: InstagramSecret = { accessToken: server.issueToken(options.tokenAgeMs ?? 2 * DAY_MS), issuedAt, expiresAt: clock.now + (options.expiresInMs ?? 50 * DAY_MS), userId: BRAND.userId, username: BRAND.username };
  const io = { now: () => clock.now, fetch, saveSecret: async (value: string) => void saved.push(JSON.parse(value) as InstagramSecret), app: null, usage: memoryUsageMeter() };
  const connector = new InstagramConnector(secret, server.url, io);
  return { clock, server, connector, saved, secret, close: () => (connector.close(), server.close()) };
}

export type SyncRun = { items: Record<string, unknown>[]; updates: Record<string, unknown>[]; rejected: SyncPage['rejected']; cursors: Cursors; pages: number };

/**
 * Pages as the sync engine does: each page's cursors merged (null clears) before the next, the
 * recheck list with the first page only; stops when the connector has no more.
 */
export async function syncAll(connector: InstagramConnector, cursors: Cursors, options: Partial<Pick<SyncRequest, 'backfillSince' | 'recheck'>> & { now: number }): Promise<SyncRun> {
  const run: SyncRun = { items: [], updates: [], rejected: [], cursors: { ...cursors }, pages: 0 };
  for (let hasMore = true; hasMore; ) {
    const page = await connector.sync({ cursors: run.cursors, signal: AbortSignal.timeout(30_000), backfillSince: options.backfillSince ?? options.now - 7 * DAY_MS, recheck: run.pages === 0 ? (options.recheck ?? []) : [] });
    applyPage(run, page);
    hasMore = page.hasMore;
  }
  return run;
}

export function applyPage(run: SyncRun, page: SyncPage): void {
  run.items.push(...(page.items as Record<string, unknown>[]));
  run.updates.push(...(page.updates as Record<string, unknown>[]));
  run.rejected.push(...page.rejected);
  const merged: Record<string, string> = { ...run.cursors };
  for (const [name, value] of Object.entries(page.cursors)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  run.cursors = merged;
  run.pages += 1;
}

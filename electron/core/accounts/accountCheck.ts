import type { AccountCheck } from '../../../shared/api/accounts';
import type { Connector, SyncRequest } from '../connectors/connector';

/** Where the check reads from: the account's stored cursors, and how far back a first read goes. */
export type CheckFrom = Pick<SyncRequest, 'cursors' | 'backfillSince'>;

type CheckStep = AccountCheck['steps'][number];

/** However slow the platform, a check ends by then and says which step did not answer. */
export const CHECK_TIMEOUT_MS = 30_000;

const failed = (step: string, error: unknown): CheckStep => ({ step, ok: false, detail: error instanceof Error ? error.message : String(error) });

/**
 * A live, read-only look at one account: its connector opened from the stored sign-in, then the
 * platform's own check (who the token is, one page of its inbox) where the connector has one,
 * else one page of the inbox from where its sync stands. What comes back is counted and let go:
 * nothing is ingested and no cursor is stored (only a refreshed token is kept, as the platform
 * may have retired the old one).
 */
export async function checkAccount(accountId: string, open: () => Promise<Connector>, from: CheckFrom, signal: AbortSignal): Promise<AccountCheck> {
  let connector: Connector;
  try {
    connector = await open();
  } catch (error) {
    return { id: accountId, ok: false, steps: [failed('open', error)] };
  }
  const opened: CheckStep = { step: 'open', ok: true, detail: `The ${connector.platform} connector opened with the stored sign-in.` };
  try {
    const steps = [opened, ...(connector.check ? await connector.check(signal) : [await readOnePage(connector, from, signal)])];
    return { id: accountId, ok: steps.every((step) => step.ok), steps };
  } catch (error) {
    return { id: accountId, ok: false, steps: [opened, failed(connector.check ? 'check' : 'inbox', error)] };
  } finally {
    connector.close();
  }
}

/** The fallback for a connector without a check of its own: one page of what changed since the stored cursors, counted. */
async function readOnePage(connector: Connector, from: CheckFrom, signal: AbortSignal): Promise<CheckStep> {
  const page = await connector.sync({ ...from, signal, recheck: [] });
  const detail = `One page read: ${page.items.length} new item(s), ${page.updates.length} update(s), ${page.rejected.length} the connector could not read${page.hasMore ? '; more is waiting' : ''}.`;
  return { step: 'inbox', ok: true, detail };
}

import type { AccountLimitsView, AccountState, AccountView } from '../../../shared/api/accounts';
import type { Account } from '../../../shared/domain/entities';
import type { AccountStatus } from '../store/accountStatus';
import type { LiveSync } from '../sync/syncEngine';

/**
 * What the Accounts view shows of one account: the person's choices and the platform's refusal
 * (kept in the accounts table) come first, then whether its connector could open, then how its
 * sync is doing right now. The demo is always connected: its workspace feeds it, not the engine.
 */
export function toAccountView(account: Account, status: AccountStatus, live: LiveSync | null, openProblem: string | null, limits: AccountLimitsView | null): AccountView {
  return {
    ...account,
    server: status.server,
    state: stateOf(status, live, openProblem),
    backfillProgress: live?.progress ?? null,
    resumesAt: live?.resumesAt ?? null,
    lastSyncAt: status.lastSyncAt,
    lastProblem: status.lastProblem,
    syncIntervalMs: status.syncIntervalMs,
    limits,
  };
}

function stateOf(status: AccountStatus, live: LiveSync | null, openProblem: string | null): AccountState {
  if (status.disconnectedAt !== null) return 'disconnected';
  if (status.needsReconnecting) return 'needs_reconnecting';
  if (status.isPaused) return 'paused';
  if (status.isDemo) return 'connected';
  if (openProblem !== null) return 'failing';
  return !live || live.state === 'idle' ? 'connected' : live.state;
}

import type { z } from 'zod';
import { cachedStatement } from '../../store/statementCache';
import { adoptCreation } from './adoptCreation';
import { applier, type ApplyContext, type Applier } from './applier';
import { accountValue } from './changeValues';
import { seqOf } from './localRows';

type AccountValue = z.infer<typeof accountValue>;
const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * A teammate's account, without its secrets (they travel sealed with the team key, see
 * docs/TEAM_HUB.md): one per (platform, platform id) whoever connected it.
 */
function createAccount(context: ApplyContext, id: string, value: AccountValue): void {
  const { db, now } = context;
  const local = cachedStatement<[string, string], { seq: number; id: string }>(db, 'SELECT seq, id FROM accounts WHERE platform = ? AND external_id = ?').get(value.platform, value.externalId);
  context.touchEverything();
  if (adoptCreation(context, { entity: 'account', table: 'accounts', id, local, keepsLocalId: true })) return;
  cachedStatement(
    db,
    `INSERT INTO accounts (id, platform, external_id, name, handle, server, business_hours, is_paused, sync_interval_ms, monthly_budget, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, value.platform, value.externalId, value.name, value.handle, value.server, jsonOrNull(value.businessHours), value.isPaused, value.syncIntervalMs, value.monthlyBudget, value.createdAt, now);
}

function updateAccount(context: ApplyContext, id: string, value: AccountValue): void {
  const seq = seqOf(context.db, 'accounts', id, 'account');
  cachedStatement(
    context.db,
    'UPDATE accounts SET name = ?, handle = ?, server = ?, business_hours = ?, is_paused = ?, sync_interval_ms = ?, monthly_budget = ?, updated_at = ? WHERE seq = ?',
  ).run(value.name, value.handle, value.server, jsonOrNull(value.businessHours), value.isPaused, value.syncIntervalMs, value.monthlyBudget, context.now, seq);
  context.touchEverything();
}

export const ACCOUNT_APPLIERS: Record<string, Record<string, Applier>> = {
  account: { created: applier('once', accountValue, createAccount), settings: applier('field', accountValue, updateAccount) },
};

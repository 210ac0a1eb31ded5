import type Database from 'better-sqlite3';
import type { UsageMeter } from '../connectors/connector';
import { cachedStatement } from '../store/statementCache';

/** An account's usage kept in `account_usage` (one row per period) and its budget in `accounts.monthly_budget`. */
export function sqliteUsageMeter(db: Database.Database, accountId: string, now: () => number): UsageMeter {
  return {
    add(period, amount) {
      cachedStatement<[{ id: string; period: string; amount: number; now: number }]>(
        db,
        `INSERT INTO account_usage (account_seq, period, amount, calls, updated_at) SELECT seq, @period, @amount, 1, @now FROM accounts WHERE id = @id
         ON CONFLICT (account_seq, period) DO UPDATE SET amount = amount + excluded.amount, calls = calls + 1, updated_at = excluded.updated_at`,
      ).run({ id: accountId, period, amount, now: now() });
    },
    spent(period) {
      return cachedStatement<[string, string], number>(db, 'SELECT u.amount FROM account_usage u JOIN accounts a ON a.seq = u.account_seq WHERE a.id = ? AND u.period = ?').pluck().get(accountId, period) ?? 0;
    },
    monthlyBudget() {
      return cachedStatement<[string], number | null>(db, 'SELECT monthly_budget FROM accounts WHERE id = ?').pluck().get(accountId) ?? null;
    },
  };
}

/** The same meter in memory, for connectors tried outside a core (tests, the bench). */
export function memoryUsageMeter(budget: number | null = null): UsageMeter & { readonly periods: Map<string, number> } {
  const periods = new Map<string, number>();
  return {
    periods,
    add: (period, amount) => void periods.set(period, (periods.get(period) ?? 0) + amount),
    spent: (period) => periods.get(period) ?? 0,
    monthlyBudget: () => budget,
  };
}

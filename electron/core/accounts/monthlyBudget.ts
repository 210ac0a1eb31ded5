import type { AccountView } from '../../../shared/api/accounts';
import { ApiFailure } from '../../../shared/api/result';
import { hasSpendBudget, PLATFORM_NAMES, SPEND_BUDGET_PLATFORMS } from '../../../shared/domain/platform';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * Sets the most an account may spend on its platform in a month (USD), or none (null). Only
 * where calls are paid for: elsewhere a budget would limit nothing, so it is refused, naming
 * the platforms that take one. The connector reads it through its usage meter.
 */
export function setMonthlyBudget(db: Db, account: AccountView, usd: number | null, now: number): void {
  if (!hasSpendBudget(account.platform)) {
    const paid = SPEND_BUDGET_PLATFORMS.map((platform) => PLATFORM_NAMES[platform]).join(', ');
    throw new ApiFailure('invalid_input', `${PLATFORM_NAMES[account.platform]} calls are not paid for: a monthly budget is only for ${paid} accounts.`);
  }
  cachedStatement<[number | null, number, string]>(db, 'UPDATE accounts SET monthly_budget = ?, updated_at = ? WHERE id = ?').run(usd, now, account.id);
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isShielded, useShieldStore } from './shieldStore';

/**
 * Hostile text stays blurred, and out of screen readers, until the person chooses to read
 * it; each reveal counts toward their private daily budget.
 */
export function ShieldedText({ messageId, hostility, children }: { messageId: string; hostility: number; children: ReactNode }) {
  const { t } = useTranslation();
  const isRevealed = useShieldStore((s) => s.revealedIds.includes(messageId));
  if (!isShielded(hostility) || isRevealed) return <>{children}</>;
  return (
    <div className="shielded">
      <div className="shielded-text" aria-hidden="true">{children}</div>
      <p className="shielded-note">
        {t('shield.hidden')}{' '}
        <button type="button" className="link-button" onClick={() => void useShieldStore.getState().reveal(messageId)}>{t('shield.reveal')}</button>
      </p>
    </div>
  );
}

/** Past the day's budget: a gentle suggestion, never a lock. */
export function ShieldBudgetNote() {
  const { t } = useTranslation();
  const status = useShieldStore((s) => s.status);
  if (!status?.isOverBudget) return null;
  return <p className="shield-budget" role="status">{t('shield.overBudget', { count: status.revealedToday })}</p>;
}

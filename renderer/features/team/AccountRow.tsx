import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain/entities';
import { PlatformIcon } from '../sidebar/PlatformIcon';

/** One connected account in a Team tab: who it is, what is set for it, and its Edit button. */
export function AccountRow({ account, summary, editLabel, onEdit }: { account: Account; summary: ReactNode; editLabel: string; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="team-person">
      <PlatformIcon platform={account.platform} />
      <span className="team-name team-account">
        {account.name} <span className="muted">{account.handle}</span>
      </span>
      <span className="muted">{summary}</span>
      <span className="team-actions">
        <button type="button" aria-label={editLabel} onClick={onEdit}>
          {t('team.edit')}
        </button>
      </span>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/api/accounts';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { AccountActions } from './AccountActions';
import { AccountLimits } from './AccountLimits';
import { failureText } from './accountsFailure';
import { useAccountsStore } from './accountsStore';
import { AccountProblem, AccountStatus } from './AccountStatus';

/** One account: who it is and where, how it is doing, what went wrong last, and what can be done. */
export function AccountRow({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const failure = useAccountsStore((s) => (s.actionFailure?.accountId === account.id ? s.actionFailure.failure : null));
  const where = [t(`platform.${account.platform}`), account.server].filter(Boolean).join(' · ');
  return (
    <li className="account-row" aria-label={account.handle}>
      <PlatformIcon platform={account.platform} />
      <div className="account-identity">
        <span className="account-name" title={account.name}>{account.name}</span>
        <span className="account-handle" title={account.handle}>{account.handle}</span>
        <span className="account-server muted" title={where}>{where}</span>
      </div>
      <AccountStatus account={account} />
      {account.isDemo ? null : <AccountActions account={account} />}
      <AccountLimits account={account} />
      {/* Once the account syncs again, its last problem is behind it; once disconnected, nothing is left to fix (Reconnect says the rest). */}
      {account.state === 'connected' || account.state === 'disconnected' ? null : <AccountProblem account={account} />}
      {failure ? <p role="alert" className="form-error account-problem">{failureText(t, failure)}</p> : null}
    </li>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubLease, HubStatus } from '../../../shared/api/hub';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { HubMembers } from './HubMembers';
import { useHubStore } from './hubStore';
import { hubFailureText, hubProblemText, leaseHolderText } from './hubTexts';
import { InviteTeammate } from './InviteTeammate';
import { LeaveWorkspace } from './LeaveWorkspace';

/** The workspace this desktop is in: where, how the connection stands, who is in it, who reads which account. */
export function HubMembership({ status }: { status: HubStatus }) {
  const { t } = useTranslation();
  const [syncError, setSyncError] = useState<string | null>(null);
  const workspaceName = status.workspace?.name ?? '';
  const syncNow = () => {
    setSyncError(null);
    useHubStore.getState().syncNow().catch((failure: unknown) => setSyncError(hubFailureText(t, failure)));
  };
  return (
    <>
      <section className="settings-section" aria-labelledby="hub-workspace-title">
        <h3 id="hub-workspace-title" tabIndex={-1}>{workspaceName}</h3>
        <dl className="hub-facts">
          <dt>{t('teamHub.address')}</dt>
          <dd>{status.hubAddress}</dd>
          <dt>{t('teamHub.connection')}</dt>
          <dd className={`hub-state is-${status.state}`} data-state={status.state}>{t(`teamHub.state.${status.state}`)}</dd>
        </dl>
        {status.problem ? <p className="form-error" role="alert">{hubProblemText(t, status.problem)}</p> : null}
        {status.isOwner ? <p className="muted">{t('teamHub.isOwner')}</p> : null}
        <p>{t('teamHub.pending', { count: status.pendingChanges })}</p>
        {status.cursorLag > 0 ? <p>{t('teamHub.behind', { count: status.cursorLag })}</p> : null}
        {status.state === 'removed' ? null : <button type="button" onClick={syncNow}>{t('teamHub.syncNow')}</button>}
        {/* Offline, the connection's problem above says it already: the same words twice read as two faults. */}
        {syncError && !status.problem ? <p className="form-error" role="alert">{syncError}</p> : null}
      </section>
      <HubMembers members={status.members} canRemove={status.isOwner && status.state === 'connected'} />
      {status.isOwner && status.state === 'connected' ? <InviteTeammate /> : null}
      <HubLeases leases={status.leases} />
      <LeaveWorkspace workspaceName={workspaceName} />
    </>
  );
}

function HubLeases({ leases }: { leases: HubLease[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="hub-leases-title">
      <h3 id="hub-leases-title">{t('teamHub.leases')}</h3>
      {leases.length === 0 ? <p className="muted">{t('teamHub.noLeases')}</p> : null}
      <ul className="hub-leases">
        {leases.map((lease) => (
          <li key={lease.accountId}>
            {t('teamHub.leaseLine', { account: lease.accountName, holder: leaseHolderText(t, lease) })}
            {lease.expiresAt === null ? null : <span className="muted"> ({formatDateTime(lease.expiresAt, localeOf(i18n.language))})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

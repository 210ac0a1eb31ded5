import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadFailed, useCoreRead } from '../../app/useCoreRead';
import { CreateHubForm } from './CreateHubForm';
import { HubMembership } from './HubMembership';
import { useHubStore } from './hubStore';
import { JoinHubForm } from './JoinHubForm';

/** Settings → Team workspace: create or join one when local-only, else the membership. */
export function TeamWorkspaceSection() {
  const { t } = useTranslation();
  const status = useHubStore((s) => s.status);
  const me = useCoreRead('duty.me', {});
  useEffect(() => {
    void useHubStore.getState().load();
  }, []);
  useFocusAfterSwap(status === null ? null : status.state === 'local');
  if (me.failure !== null) return <ReadFailed message={t('teamHub.loadFailed', { message: me.failure })} retryLabel={t('errors.retry')} onRetry={me.retry} />;
  const myName = me.value?.name ?? null;
  if (!status || myName === null) return <section className="settings-section" aria-busy="true" />;
  if (status.state !== 'local') return <HubMembership status={status} />;
  return (
    <>
      <p className="muted">{t('teamHub.intro')}</p>
      <CreateHubForm myName={myName} />
      <JoinHubForm />
    </>
  );
}

/**
 * Creating, joining or leaving swaps the whole section, button pressed included: the keyboard
 * would fall to the page. It goes to the new section's first heading instead.
 */
function useFocusAfterSwap(isLocal: boolean | null): void {
  const wasLocal = useRef(isLocal);
  useEffect(() => {
    const hasSwapped = wasLocal.current !== null && isLocal !== null && wasLocal.current !== isLocal;
    wasLocal.current = isLocal;
    if (hasSwapped && (document.activeElement === null || document.activeElement === document.body)) document.getElementById(isLocal ? 'hub-create-title' : 'hub-workspace-title')?.focus();
  }, [isLocal]);
}

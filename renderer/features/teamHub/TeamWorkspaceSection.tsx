import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/coreClient';
import { CreateHubForm } from './CreateHubForm';
import { HubMembership } from './HubMembership';
import { useHubStore } from './hubStore';
import { JoinHubForm } from './JoinHubForm';

/** Settings → Team workspace: create or join one when local-only, else the membership. */
export function TeamWorkspaceSection() {
  const { t } = useTranslation();
  const status = useHubStore((s) => s.status);
  const [myName, setMyName] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void useHubStore.getState().load();
    void call('duty.me', {}).then(({ name }) => isCurrent && setMyName(name));
    return () => {
      isCurrent = false;
    };
  }, []);
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

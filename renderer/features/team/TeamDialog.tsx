import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../shared/api/team';
import { coreClient } from '../../app/coreClient';
import { Dialog } from '../overlays/Dialog';
import { TabList } from '../overlays/TabList';
import { useOverlayStore } from '../overlays/overlayStore';
import { AwayRepliesSection } from '../awayReplies/AwayRepliesSection';
import { BusinessHoursSection } from './BusinessHoursSection';
import { OnCallSection } from './OnCallSection';
import { PeopleList } from './PeopleList';
import { PersonForm } from './PersonForm';
import { useTeamStore } from './teamStore';

const TABS = ['people', 'onCall', 'businessHours', 'awayReplies'] as const;
type Tab = (typeof TABS)[number];

/** The team: people and who is on duty, who is on call, and each account's business hours and away replies. */
export function TeamDialog() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('people');
  // The person being edited, 'new' while adding one, null on the list.
  const [editing, setEditing] = useState<TeamMember | 'new' | null>(null);

  useEffect(() => {
    void useTeamStore.getState().load();
    // A shift starting or ending, a hand-over: the on-duty and on-call marks follow.
    return coreClient().on('duty.changed', () => void useTeamStore.getState().load());
  }, []);

  return (
    <Dialog title={t('team.title')}>
      <div className="team-dialog">
        <TabList
          idPrefix="team"
          tabs={TABS}
          tab={tab}
          label={t('team.sections')}
          labelOf={(name) => t(`team.tabs.${name}`)}
          onSelect={(next) => { setTab(next); setEditing(null); }}
        />
        <div role="tabpanel" id={`team-panel-${tab}`} aria-labelledby={`team-tab-${tab}`} className="team-panel">
          {tab === 'people' && editing === null ? <PeopleList onEdit={setEditing} onAdd={() => setEditing('new')} /> : null}
          {tab === 'people' && editing !== null ? <PersonForm person={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
          {tab === 'onCall' ? <OnCallSection /> : null}
          {tab === 'businessHours' ? <BusinessHoursSection /> : null}
          {tab === 'awayReplies' ? <AwayRepliesSection /> : null}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('team.close')}</button>
      </div>
    </Dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsSection } from '../accounts/AccountsSection';
import { DataSection } from '../data/DataSection';
import { RejectedSection } from '../data/RejectedSection';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { TabList } from '../overlays/TabList';
import { LanguageSetting } from '../sidebar/LanguageSetting';
import { RulesSection } from '../rules/RulesSection';
import { MeSection } from './MeSection';
import { SensitiveTopicsSection } from '../sensitiveTopics/SensitiveTopicsSection';
import { takeRequestedTab } from './settingsTab';

/** Each tab is one section component of its own; a new setting finds its tab here. */
const TABS = ['general', 'me', 'accounts', 'rules', 'sensitiveTopics', 'data', 'rejected'] as const;
type Tab = (typeof TABS)[number];

/** Settings that are not about hours or the team: one dialog, a tab per subject. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => {
    const requested = takeRequestedTab();
    return TABS.find((name) => name === requested) ?? 'general';
  });
  return (
    <Dialog title={t('settings.title')} className={tab === 'rules' ? 'settings-wide' : undefined}>
      <div className="settings-dialog">
        <TabList idPrefix="settings" tabs={TABS} tab={tab} label={t('settings.sections')} labelOf={(name) => t(`settings.tabs.${name}`)} onSelect={setTab} />
        <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`} className="settings-panel">
          {tab === 'general' ? <GeneralSection /> : null}
          {tab === 'me' ? <MeSection /> : null}
          {tab === 'accounts' ? <AccountsSection /> : null}
          {tab === 'rules' ? <RulesSection /> : null}
          {tab === 'sensitiveTopics' ? <SensitiveTopicsSection /> : null}
          {tab === 'data' ? <DataSection onShowRejected={() => setTab('rejected')} /> : null}
          {tab === 'rejected' ? <RejectedSection /> : null}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => useOverlayStore.getState().dismiss()}>{t('settings.close')}</button>
      </div>
    </Dialog>
  );
}

function GeneralSection() {
  const { t } = useTranslation();
  return (
    <section className="settings-section">
      <h3>{t('settings.language')}</h3>
      <LanguageSetting />
    </section>
  );
}

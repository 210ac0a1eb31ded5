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
import { TeamWorkspaceSection } from '../teamHub/TeamWorkspaceSection';
import { takeRequestedTab } from './settingsTab';
import { DiscardQuestion } from './DiscardQuestion';
import { useUnsavedStore } from './unsavedChanges';

/** Each tab is one section component of its own; a new setting finds its tab here. */
const TABS = ['general', 'me', 'accounts', 'teamWorkspace', 'rules', 'sensitiveTopics', 'data', 'rejected'] as const;
type Tab = (typeof TABS)[number];

/** Settings that are not about hours or the team: one dialog, a tab per subject. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => {
    const requested = takeRequestedTab();
    return TABS.find((name) => name === requested) ?? 'general';
  });
  const unsaved = useUnsavedStore((s) => s.unsaved);
  // What waits for the answer to "Discard your changes?": another tab, or closing Settings.
  const [pending, setPending] = useState<(() => void) | null>(null);
  const unlessUnsaved = (go: () => void) => (unsaved ? setPending(() => go) : go());
  const keepEditing = () => {
    setPending(null);
    // Back in the section: its first field, as the tab shows it.
    document.querySelector<HTMLElement>('.settings-panel input, .settings-panel select, .settings-panel textarea')?.focus();
  };
  return (
    <Dialog title={t('settings.title')} className={tab === 'rules' ? 'settings-wide' : undefined}>
      <div className="settings-dialog">
        <TabList idPrefix="settings" tabs={TABS} tab={tab} label={t('settings.sections')} labelOf={(name) => t(`settings.tabs.${name}`)} onSelect={(next) => unlessUnsaved(() => setTab(next))} />
        <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`} className="settings-panel">
          {tab === 'general' ? <GeneralSection /> : null}
          {tab === 'me' ? <MeSection /> : null}
          {tab === 'accounts' ? <AccountsSection /> : null}
          {tab === 'teamWorkspace' ? <TeamWorkspaceSection /> : null}
          {tab === 'rules' ? <RulesSection /> : null}
          {tab === 'sensitiveTopics' ? <SensitiveTopicsSection /> : null}
          {tab === 'data' ? <DataSection onShowRejected={() => setTab('rejected')} /> : null}
          {tab === 'rejected' ? <RejectedSection /> : null}
        </div>
      </div>
      {pending && unsaved ? (
        <DiscardQuestion
          name={unsaved.name}
          onKeep={keepEditing}
          onDiscard={() => {
            unsaved.discard();
            setPending(null);
            pending();
          }}
        />
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => unlessUnsaved(() => useOverlayStore.getState().dismiss())}>{t('settings.close')}</button>
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

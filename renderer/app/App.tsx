import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { useAccountsStore } from '../features/accounts/accountsStore';
import { WelcomeScreen } from '../features/accounts/WelcomeScreen';
import { ContactCard } from '../features/contact/ContactCard';
import { useContactPanelStore } from '../features/contact/contactPanelStore';
import { useDutyStore } from '../features/duty/dutyStore';
import { DutyBanner, OffShiftScreen } from '../features/duty/OffShiftScreen';
import { EndOfShiftOffer } from '../features/handOff/EndOfShiftOffer';
import { ConversationPane } from '../features/conversation/ConversationPane';
import { useConversationStore } from '../features/conversation/conversationStore';
import { BulkBar } from '../features/inbox/BulkBar';
import { ConversationList } from '../features/inbox/ConversationList';
import { HeldArrivalsButton } from '../features/inbox/HeldArrivalsButton';
import { DamagedDatabaseScreen } from '../features/database/DamagedDatabaseScreen';
import { useDatabaseStore } from '../features/database/databaseStore';
import { useInboxStore } from '../features/inbox/inboxStore';
import { useShortcuts } from '../features/keyboard/useShortcuts';
import { OUTBOX_VIEW_KEY } from '../features/outbox/outboxStore';
import { OutboxView } from '../features/outbox/OutboxView';
import { Overlays } from '../features/overlays/Overlays';
import { usePageStore } from '../features/pages/pageStore';
import { FilterChips } from '../features/search/FilterChips';
import { SearchBar } from '../features/search/SearchBar';
import { SearchScope } from '../features/search/SearchScope';
import { LanguageSetting } from '../features/sidebar/LanguageSetting';
import { Sidebar } from '../features/sidebar/Sidebar';
import { Toasts } from '../features/toast/Toasts';
import { BreakReminder } from '../features/wellbeing/BreakReminder';
import { BreakScreen } from '../features/wellbeing/BreakScreen';
import { usePresence } from '../features/wellbeing/usePresence';
import { useWellbeingStore } from '../features/wellbeing/wellbeingStore';

// Its own chunk: the charting library loads when the page opens, never with the inbox.
const LedgerPage = lazy(() => import('../features/wellbeing/LedgerPage').then((module) => ({ default: module.LedgerPage })));

export function App() {
  const { t } = useTranslation();
  const total = useInboxStore((s) => s.total);
  const checkedCount = useInboxStore((s) => s.checkedIds.length);
  const selectedId = useInboxStore((s) => s.selectedId);
  const isOutbox = useInboxStore((s) => s.viewKey === OUTBOX_VIEW_KEY);
  const isSearching = useInboxStore((s) => s.filter.text !== undefined);
  // The list's count line. Beside "3 new — show" it is cut short rather than wrapping, which
  // would push every row down; the bulk bar says the selection whole.
  const summary = `${isSearching ? t('search.matches', { count: total }) : t('list.count', { count: total })}${checkedCount > 0 ? ` · ${t('list.selectedCount', { count: checkedCount })}` : ''}`;
  const isOffShift = useDutyStore((s) => s.status !== null && !s.status.isOnDuty && s.peekId === null);
  const page = usePageStore((s) => s.page);
  const isWelcomeShown = useAccountsStore((s) => s.isWelcomeShown);
  const isOnBreak = useWellbeingStore((s) => s.activeBreak !== null);
  const isDamaged = useDatabaseStore((s) => s.status?.state === 'damaged');
  const isContactOpen = useContactPanelStore((s) => s.isOpen);
  useShortcuts();
  usePresence(!isOffShift && !isOnBreak);

  // The pane follows the keyboard cursor: j/k preview, Enter opens (marks read, moves focus).
  useEffect(() => {
    void useConversationStore.getState().open(selectedId);
  }, [selectedId]);

  // Before anything else: the core no longer saves, so nothing else may look as if it did.
  if (isDamaged) return <DamagedDatabaseScreen />;
  // The first start: nothing else on screen (the demo inbox waits behind it).
  if (isWelcomeShown) {
    return (
      <>
        <WelcomeScreen />
        <Toasts />
      </>
    );
  }
  if (isOnBreak) {
    return (
      <>
        <BreakScreen />
        <Toasts />
      </>
    );
  }
  if (isOffShift) {
    return (
      <>
        <OffShiftScreen />
        <EndOfShiftOffer />
        <Toasts />
      </>
    );
  }
  return (
    <div className={['app', page === 'inbox' ? null : 'is-page', isContactOpen ? 'is-contact-open' : null].filter(Boolean).join(' ')}>
      <Sidebar />
      {/* A page shows in place of the inbox, which stays mounted (hidden by CSS) to come back to as it was. */}
      {page === 'ledger' ? (
        <Suspense fallback={<main className="ledger" aria-busy="true" />}>
          <LedgerPage />
        </Suspense>
      ) : null}
      {page === 'accounts' ? <AccountsPage /> : null}
      <main className="inbox">
        <DutyBanner />
        <div className="toolbar">
          <SearchBar />
          <LanguageSetting showsLabel />
        </div>
        {isOutbox ? (
          <OutboxView />
        ) : (
          <>
            <FilterChips />
            <p className="list-summary" aria-live="polite">
              <span className="list-summary-line">
                <span className="list-summary-count" data-truncate title={summary}>{summary}</span>
                <HeldArrivalsButton />
              </span>
              <SearchScope />
            </p>
            <div className="list-area">
              <ConversationList />
            </div>
            <BulkBar />
          </>
        )}
      </main>
      <ConversationPane />
      <ContactCard />
      <BreakReminder />
      <Overlays />
      <EndOfShiftOffer />
      <Toasts />
    </div>
  );
}

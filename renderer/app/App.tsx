import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactCard } from '../features/contact/ContactCard';
import { useDutyStore } from '../features/duty/dutyStore';
import { DutyBanner, OffShiftScreen } from '../features/duty/OffShiftScreen';
import { ConversationPane } from '../features/conversation/ConversationPane';
import { useConversationStore } from '../features/conversation/conversationStore';
import { ConversationList } from '../features/inbox/ConversationList';
import { ModerateSelection } from '../features/moderation/ModerateSelection';
import { useInboxStore } from '../features/inbox/inboxStore';
import { useShortcuts } from '../features/keyboard/useShortcuts';
import { OUTBOX_VIEW_KEY } from '../features/outbox/outboxStore';
import { OutboxView } from '../features/outbox/OutboxView';
import { Overlays } from '../features/overlays/Overlays';
import { FilterChips } from '../features/search/FilterChips';
import { SearchBar } from '../features/search/SearchBar';
import { LanguageSetting } from '../features/sidebar/LanguageSetting';
import { Sidebar } from '../features/sidebar/Sidebar';
import { Toasts } from '../features/toast/Toasts';

export function App() {
  const { t } = useTranslation();
  const total = useInboxStore((s) => s.total);
  const checkedCount = useInboxStore((s) => s.checkedIds.length);
  const selectedId = useInboxStore((s) => s.selectedId);
  const isOutbox = useInboxStore((s) => s.viewKey === OUTBOX_VIEW_KEY);
  const isOffShift = useDutyStore((s) => s.status !== null && !s.status.isOnDuty && s.peekId === null);
  useShortcuts();

  // The pane follows the keyboard cursor: j/k preview, Enter opens (marks read, moves focus).
  useEffect(() => {
    void useConversationStore.getState().open(selectedId);
  }, [selectedId]);

  if (isOffShift) {
    return (
      <>
        <OffShiftScreen />
        <Toasts />
      </>
    );
  }
  return (
    <div className="app">
      <Sidebar />
      <main className="inbox">
        <DutyBanner />
        <div className="toolbar">
          <SearchBar />
          <LanguageSetting />
        </div>
        {isOutbox ? (
          <OutboxView />
        ) : (
          <>
            <FilterChips />
            <p className="list-summary" aria-live="polite">
              {t('list.count', { count: total })}
              {checkedCount > 0 ? ` · ${t('list.selectedCount', { count: checkedCount })}` : ''}
            </p>
            <ModerateSelection />
            <ConversationList />
          </>
        )}
      </main>
      <ConversationPane />
      <ContactCard />
      <Overlays />
      <Toasts />
    </div>
  );
}

import i18next from 'i18next';
import { localeOf, setLanguageOverride } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { useAccountsStore } from '../accounts/accountsStore';
import { useConnectStore } from '../accounts/connectStore';
import { useAssignStore } from '../assign/assignStore';
import { useConversationStore } from '../conversation/conversationStore';
import { useDutyStore } from '../duty/dutyStore';
import { toggleHidden } from '../moderation/moderationCommands';
import { useSearchStore } from '../search/searchStore';
import { useShieldStore } from '../shield/shieldStore';
import { focusListWhenShown } from '../inbox/focusList';
import { useInboxStore } from '../inbox/inboxStore';
import type { TriageChange } from '../inbox/listChange';
import { useOverlayStore } from '../overlays/overlayStore';
import { usePageStore } from '../pages/pageStore';
import { openSettingsOn } from '../settings/settingsTab';
import { useToastStore } from '../toast/toastStore';
import { triageNotice } from '../undo/triageNotice';
import { useUndoStore } from '../undo/undoStore';
import { useWellbeingStore } from '../wellbeing/wellbeingStore';
import { PAGE_INDEPENDENT_ACTIONS, type ActionId } from './keymap';
import { openOutboxView } from '../outbox/openOutboxView';
import { useComposerMode } from '../composer/composerMode';

const focusById = (id: string) => document.getElementById(id)?.focus();

export const TRIAGE_SETTLED_MARK = 'pieuvre:triage-settled';

/** The notice's words for a change: who an assignment went to, until when a snooze runs. */
function noticeFor(change: TriageChange, count: number): string {
  const person = change.kind === 'assign' ? useAssignStore.getState().people.find((candidate) => candidate.id === change.assigneeId) : undefined;
  const assigneeName = person === undefined ? null : person.isMe ? i18next.t('triage.notice.you') : person.name;
  const until = change.kind === 'status' && change.snoozeUntil !== undefined ? formatDateTime(change.snoozeUntil, localeOf(i18next.language)) : '';
  return triageNotice(change, count, i18next.t, { assigneeName, until });
}

/**
 * Applies a triage change to the action's targets and says what happened, with Undo; a refusal
 * rolls back and says so politely. `isQuiet`: no notice, for what opening a conversation does
 * by itself (marking it read), which the person did not ask for as an action.
 */
export function triageTargets(change: TriageChange, ids = useInboxStore.getState().targets(), options: { isQuiet?: boolean } = {}): Promise<void> {
  // `z` pressed before the core answers waits for this change, and undoes it.
  return useUndoStore.getState().whileAnswering(triageAndAnnounce(change, ids, options));
}

async function triageAndAnnounce(change: TriageChange, ids: string[], { isQuiet = false }: { isQuiet?: boolean }): Promise<void> {
  try {
    const result = await useInboxStore.getState().triage(ids, change);
    if (result && !isQuiet) useUndoStore.getState().announce(noticeFor(change, ids.length), result.undoId, change);
  } catch (error) {
    useToastStore.getState().show('error', i18next.t('triage.failed', { message: (error as Error).message }));
  } finally {
    // When the core has answered: profilers (and npm run bench) time keystrokes to this mark.
    performance.mark(TRIAGE_SETTLED_MARK);
  }
}

const focused = () => {
  const { items, selectedId } = useInboxStore.getState();
  return items.find((conversation) => conversation.id === selectedId) ?? null;
};

/**
 * Whether an action can run now: on a page in place of the inbox (the ledger, the accounts),
 * those acting on conversations cannot (the inbox is hidden); on the welcome, none can.
 */
export const isActionAvailable = (action: ActionId): boolean =>
  !useAccountsStore.getState().isWelcomeShown && (usePageStore.getState().page === 'inbox' || PAGE_INDEPENDENT_ACTIONS.has(action));

/** What every shortcut and palette command does. */
export function runAction(action: ActionId): void {
  // Escape leaves a page for the inbox, as it leaves a dialog.
  if (action === 'clearSelection' && usePageStore.getState().page !== 'inbox') return usePageStore.getState().back();
  if (!isActionAvailable(action)) return;
  const inbox = useInboxStore.getState();
  const overlays = useOverlayStore.getState();
  switch (action) {
    case 'next':
      return inbox.move(1);
    case 'previous':
      // Up from the first row: that is where the conversations held back ("3 new — show") are.
      if (inbox.heldIds.length > 0 && inbox.items[0]?.id === inbox.selectedId) return void inbox.showNew();
      return inbox.move(-1);
    case 'undo':
      return void useUndoStore.getState().undoLast();
    case 'open': {
      const conversation = focused();
      if (!conversation) return;
      void useConversationStore.getState().open(conversation.id);
      if (conversation.unreadCount > 0) void triageTargets({ kind: 'read', read: true }, [conversation.id], { isQuiet: true });
      return focusById('conversation-pane');
    }
    case 'done': {
      // Done, or reopen when every target is done already (the Done view): never the next row.
      const targets = inbox.targets();
      const allDone = targets.length > 0 && targets.every((id) => inbox.items.find((c) => c.id === id)?.status === 'done');
      void triageTargets({ kind: 'status', status: allDone ? 'open' : 'done' }, targets);
      return;
    }
    case 'spam':
      void triageTargets({ kind: 'status', status: 'spam' });
      return;
    case 'toggleUnread': {
      // On a selection: read if any is unread (as the bulk bar's button says), else unread.
      const targets = new Set(inbox.targets());
      void triageTargets({ kind: 'read', read: inbox.items.some((c) => targets.has(c.id) && c.unreadCount > 0) });
      return;
    }
    case 'toggleUrgent':
      void triageTargets({ kind: 'urgent', isUrgent: focused()?.urgentAt === null, at: Date.now() });
      return;
    case 'toggleSelect':
      if (inbox.selectedId) inbox.toggleChecked(inbox.selectedId);
      return;
    case 'clearSelection':
      // On the results, Escape ends the search as it does in the field; a selection goes first.
      if (inbox.checkedIds.length === 0 && inbox.filter.text !== undefined && document.activeElement?.closest('.conversation-list')) return void focusListWhenShown(useSearchStore.getState().search(''));
      return inbox.clearChecked();
    case 'hideToggle':
      void toggleHidden(inbox.targets());
      return;
    case 'snooze':
    case 'tag':
    case 'assign':
    case 'handOff':
    case 'moderate':
      if (inbox.targets().length > 0) overlays.show(action, inbox.targets());
      return;
    case 'palette':
    case 'shortcuts':
      return overlays.show(action);
    case 'reply':
    case 'note':
      return useComposerMode.getState().writeIn(action);
    case 'search':
      return focusById('search-box');
    case 'language':
      return setLanguageOverride(i18next.language === 'fr' ? 'en' : 'fr');
    case 'goOff':
      void useDutyStore.getState().override('off');
      return;
    case 'hours':
    case 'team':
    case 'templates':
    case 'settings':
      return overlays.show(action);
    case 'rules':
    case 'teamWorkspace':
      return openSettingsOn(action);
    case 'reveal':
      void useShieldStore.getState().revealConversation();
      return;
    case 'wellbeing':
      return useWellbeingStore.getState().openLedger();
    case 'accounts':
      void useAccountsStore.getState().open();
      return;
    case 'outbox':
      return openOutboxView();
    case 'connectAccount':
      // As the welcome's Connect: the Accounts page, then the dialog over it (a newcomer types "connect").
      void useAccountsStore.getState().open().then(() => useConnectStore.getState().open());
      return;
  }
}

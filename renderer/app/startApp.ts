import type { ApiClient } from '../../shared/api/client';
import { useAccountsStore } from '../features/accounts/accountsStore';
import { useAssignStore } from '../features/assign/assignStore';
import { useConversationStore } from '../features/conversation/conversationStore';
import { useDataStore } from '../features/data/dataStore';
import { showConversation } from '../features/conversation/showConversation';
import { useDatabaseStore } from '../features/database/databaseStore';
import { watchDigest } from '../features/digest/watchDigest';
import { watchHub } from '../features/teamHub/hubStore';
import { watchEndOfShift } from '../features/handOff/endOfShiftStore';
import { useDutyStore } from '../features/duty/dutyStore';
import { useInboxStore } from '../features/inbox/inboxStore';
import { useModerationStore } from '../features/moderation/moderationStore';
import { OUTBOX_VIEW_KEY, useOutboxStore } from '../features/outbox/outboxStore';
import { useReplyWindows } from '../features/replies/replyWindow';
import { watchPresence } from '../features/presence/presenceStore';

const COALESCE_MS = 120;

/**
 * Loads the first view and keeps the UI in step with the core: change events are coalesced
 * (a burst of ingests becomes one refetch), then the list, the counts and the open
 * conversation refetch what changed.
 */
export async function startApp(client: ApiClient): Promise<void> {
  /** One run of `work` for a burst of events. */
  const coalesced = (work: () => void) => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    return () => {
      pending ??= setTimeout(() => {
        pending = null;
        work();
      }, COALESCE_MS);
    };
  };
  const refreshAccounts = coalesced(() => {
    void useAccountsStore.getState().refresh();
    // Each account brings its own moderation rights: a new one's messages get their menu.
    void useModerationStore.getState().loadCapabilities();
  });
  client.on('accounts.changed', refreshAccounts);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = new Set<string>();
  let isEverything = false;
  client.on('inbox.changed', (event) => {
    event.conversationIds.forEach((id) => changed.add(id));
    isEverything ||= event.everything;
    timer ??= setTimeout(() => {
      const openId = useConversationStore.getState().openId;
      const shouldReloadOpen = isEverything || (openId !== null && changed.has(openId));
      // Accounts came or went: their platforms' reply windows may have too. Teammates too (a team
      // workspace's first pull, where joining also gave me the id the inviter knows me by).
      if (isEverything) {
        void useReplyWindows.getState().load();
        void useAssignStore.getState().load();
        refreshAccounts();
      }
      changed.clear();
      isEverything = false;
      timer = null;
      void useInboxStore.getState().refresh();
      void useInboxStore.getState().refreshSidebar({ tagCounts: 'throttled' });
      if (shouldReloadOpen) void useConversationStore.getState().reload();
    }, COALESCE_MS);
  });
  client.on('database.status', (status) => useDatabaseStore.getState().receive(status));
  client.on('duty.changed', () => {
    void useDutyStore.getState().load();
    // Teammates and my name change as duty changes: assignees' names on rows follow.
    void useAssignStore.getState().load();
  });
  // A restore replaced every row: starting afresh is the one reload that misses nothing.
  client.on('data.restored', () => location.reload());
  client.on('data.progress', (progress) => useDataStore.getState().progressed(progress));
  client.on('app.showConversation', ({ conversationId }) => void showConversation(conversationId));
  watchDigest(client);
  watchHub(client);
  watchEndOfShift();
  client.on('outbox.changed', coalesced(() => void useOutboxStore.getState().refresh()));
  // Leaving the Outbox view stops refetching it.
  useInboxStore.subscribe((state) => {
    if (state.viewKey !== OUTBOX_VIEW_KEY && useOutboxStore.getState().view !== null) useOutboxStore.getState().closeView();
  });
  // The first view is asked for with the database's state, not after it: waiting for its answer
  // first put a round trip before the list. A damaged database replaces the whole app with its
  // screen, so what the other reads answer (or fail with) is then never shown.
  const database = useDatabaseStore.getState().load();
  const firstView = Promise.all([
    useDutyStore.getState().load(),
    useInboxStore.getState().refresh(),
    useInboxStore.getState().refreshSidebar(),
    useOutboxStore.getState().load(),
    useReplyWindows.getState().load(),
    useAssignStore.getState().load(),
    useAccountsStore.getState().loadWelcome(),
    // Presence is a courtesy: the inbox works without it.
    watchPresence(client).catch(() => undefined),
  ]).then(
    () => null,
    (error: unknown) => ({ error }),
  );
  await database;
  if (useDatabaseStore.getState().status?.state === 'damaged') return;
  const failed = await firstView;
  if (failed) throw failed.error;
}

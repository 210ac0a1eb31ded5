import { useInboxStore } from '../inbox/inboxStore';
import { usePageStore } from '../pages/pageStore';
import { OUTBOX_VIEW_KEY, useOutboxStore } from './outboxStore';

/** The Outbox in place of the conversation list, from the sidebar or the command palette. */
export function openOutboxView(): void {
  usePageStore.getState().back();
  useInboxStore.setState({ viewKey: OUTBOX_VIEW_KEY });
  void useOutboxStore.getState().openView();
}

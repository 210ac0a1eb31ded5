import i18next from 'i18next';
import type { ConversationDetail, Message } from '../../../shared/domain/entities';
import { actionsFor } from '../../../shared/domain/moderation';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { useInboxStore } from '../inbox/inboxStore';
import { useToastStore } from '../toast/toastStore';
import { allowedForAll, latestInbound } from './moderationChoices';
import { useModerationStore } from './moderationStore';

export const authorOf = (message: Message): string => message.author.name || message.author.handle;

/** The conversation as the pane shows it when it is the open one, else fetched. */
export async function detailOf(conversationId: string): Promise<ConversationDetail> {
  const open = useConversationStore.getState().detail;
  return open?.id === conversationId ? open : call('conversations.get', { id: conversationId });
}

async function capabilities() {
  if (!useModerationStore.getState().isLoaded) await useModerationStore.getState().loadCapabilities();
  return useModerationStore.getState().capabilities;
}

const refuse = (text: string) => useToastStore.getState().show('error', text);

/**
 * `h`: hides the latest message from someone else in the focused conversation, or unhides it
 * when it is hidden; with conversations checked, hides each one's latest.
 */
export async function toggleHidden(conversationIds: readonly string[]): Promise<void> {
  try {
    await askToggleHidden(conversationIds);
  } catch (error) {
    refuse(i18next.t('moderation.notQueued', { message: (error as Error).message }));
  }
}

async function askToggleHidden(conversationIds: readonly string[]): Promise<void> {
  const allowed = await capabilities();
  const { ask } = useModerationStore.getState();
  if (conversationIds.length > 1) {
    const conversations = useInboxStore.getState().items.filter((conversation) => conversationIds.includes(conversation.id));
    if (!allowedForAll(conversations, allowed).includes('hide')) return refuse(i18next.t('moderation.hideUnavailableBulk'));
    return ask({ action: 'hide', targets: { conversationIds: [...conversationIds] }, single: null, platforms: conversations.map((conversation) => conversation.platform), count: conversationIds.length });
  }
  const [conversationId] = conversationIds;
  if (conversationId === undefined) return;
  const detail = await detailOf(conversationId);
  const message = latestInbound(detail.messages);
  const action = message?.isHidden ? 'unhide' : 'hide';
  if (!message || !actionsFor(allowed[detail.accountId] ?? [], { kind: detail.kind, ...message }).includes(action)) {
    return refuse(i18next.t('moderation.unavailable', { platform: i18next.t(`platform.${detail.platform}`) }));
  }
  ask({ action, targets: { messageIds: [message.id] }, single: { author: authorOf(message), platform: detail.platform }, platforms: [detail.platform], count: 1 });
}

import type { ModerationCapabilities } from '../../../shared/api/moderation';
import type { Conversation, Message } from '../../../shared/domain/entities';
import { actsOnOwnMessage, canModerate, MODERATION_ACTIONS, type ModerationAction } from '../../../shared/domain/moderation';

/** The latest message from someone else: what an action on a whole conversation acts on, as the core picks it. */
export function latestInbound(messages: readonly Message[]): Message | null {
  let latest: Message | null = null;
  // Messages come in key order; on a tie in time, the later key wins, as in the core.
  for (const message of messages) if (message.direction === 'in' && (latest === null || message.createdAt >= latest.createdAt)) latest = message;
  return latest;
}

/**
 * A bulk acts on each conversation's latest message from someone else: never the brand's own,
 * and not undoing a block or a mute, which is a correction made one author at a time.
 */
const BULK_ACTIONS = MODERATION_ACTIONS.filter((action) => !actsOnOwnMessage(action) && action !== 'unmute_author' && action !== 'unblock_author');

/** What every one of these conversations' accounts allows: all a bulk can offer without a refusal. */
export function allowedForAll(conversations: readonly Pick<Conversation, 'accountId' | 'kind'>[], capabilities: ModerationCapabilities): ModerationAction[] {
  if (conversations.length === 0) return [];
  return BULK_ACTIONS.filter((action) => conversations.every(({ accountId, kind }) => canModerate(capabilities[accountId] ?? [], action, kind)));
}

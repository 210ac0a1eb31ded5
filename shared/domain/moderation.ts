import type { ConversationKind } from './entities';

/**
 * What Pieuvre can ask a platform to do to a message from someone else. Each connector
 * declares the subset its platform's API allows (see the `Connector` interface).
 */
export const MODERATION_ACTIONS = ['hide', 'unhide', 'delete', 'block_author', 'mark_spam', 'mute_author', 'unmute_author', 'unblock_author', 'report', 'delete_own'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * Actions that cannot be taken back from Pieuvre: asked for with a confirmation and held for the
 * person's undo delay. Hiding is undone by unhiding, so it goes at once.
 */
export const isDestructive = (action: ModerationAction): boolean => action !== 'hide' && action !== 'unhide';

/** Hiding and deleting act on public comments; a direct message can only be reported or its author blocked. */
const PUBLIC_ONLY: ReadonlySet<ModerationAction> = new Set(['hide', 'unhide', 'delete']);

/** Whether a platform with these capabilities can take this action in this kind of conversation. */
export const canModerate = (capabilities: readonly ModerationAction[], action: ModerationAction, kind: ConversationKind): boolean =>
  capabilities.includes(action) && !(kind === 'dm' && PUBLIC_ONLY.has(action));

/**
 * The actions worth offering on one message, in menu order: hide or unhide as it stands, nothing
 * but blocking its author once it is deleted.
 */
export function actionsFor(
  capabilities: readonly ModerationAction[],
  message: { kind: ConversationKind; isHidden: boolean; isDeleted: boolean },
): ModerationAction[] {
  return MODERATION_ACTIONS.filter((action) => {
    if (!canModerate(capabilities, action, message.kind)) return false;
    if (message.isDeleted) return action === 'block_author';
    return action !== (message.isHidden ? 'hide' : 'unhide');
  });
}

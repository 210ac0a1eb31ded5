import type { Contact, ConversationKind, Message } from './entities';

/**
 * What Pieuvre can ask a platform to do. Each connector declares the subset its account's rights
 * allow (see the `Connector` interface). `delete` removes someone else's comment (as Facebook
 * allows a page); `delete_own` removes the brand's own reply, where a platform lets an account
 * delete only its own posts (Bluesky, Mastodon). `report` goes to the platform's moderators.
 */
export const MODERATION_ACTIONS = [
  'hide',
  'unhide',
  'delete',
  'delete_own',
  'mute_author',
  'unmute_author',
  'block_author',
  'unblock_author',
  'report',
  'mark_spam',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The longest reason a person may give with a report. */
export const REPORT_REASON_MAX = 2000;

/** What the person undoes in one step from Pieuvre: these go at once, without asking. */
const UNDONE_IN_ONE_STEP: ReadonlySet<ModerationAction> = new Set(['hide', 'unhide', 'mute_author', 'unmute_author', 'unblock_author']);

/**
 * Actions that cannot simply be taken back: asked for with a confirmation and held for the
 * person's undo delay. Hiding and muting are undone by their opposite, so they go at once; a
 * block is undone too, but it cuts the person off at once on the platform, so it asks first.
 */
export const isDestructive = (action: ModerationAction): boolean => !UNDONE_IN_ONE_STEP.has(action);

/** Hiding and deleting act on public comments; in a direct message, only the author is acted on or reported. */
const PUBLIC_ONLY: ReadonlySet<ModerationAction> = new Set(['hide', 'unhide', 'delete', 'delete_own']);

/** The one action on the brand's own messages; every other one acts on someone else's. */
export const actsOnOwnMessage = (action: ModerationAction): boolean => action === 'delete_own';

/** Whether an account with these capabilities can take this action in this kind of conversation. */
export const canModerate = (capabilities: readonly ModerationAction[], action: ModerationAction, kind: ConversationKind): boolean =>
  capabilities.includes(action) && !(kind === 'dm' && PUBLIC_ONLY.has(action));

/** A message as the menu sees it: whose it is, how it stands, and how its author stands. */
export type ModeratedMessage = Pick<Message, 'direction' | 'isHidden' | 'isDeleted'> & { kind: ConversationKind; author: Pick<Contact, 'blockedAt' | 'mutedAt'> };

/**
 * The actions worth offering on one message, in menu order: for the brand's own reply, deleting
 * it; for someone else's, hide or unhide as it stands, mute or unmute and block or unblock as its
 * author stands, and once it is deleted, only what acts on its author.
 */
export function actionsFor(capabilities: readonly ModerationAction[], message: ModeratedMessage): ModerationAction[] {
  return MODERATION_ACTIONS.filter((action) => {
    if (!canModerate(capabilities, action, message.kind)) return false;
    if (actsOnOwnMessage(action) !== (message.direction === 'out')) return false;
    if (message.isDeleted && !AUTHOR_ACTIONS.has(action)) return false;
    return isOffered(action, message);
  });
}

const AUTHOR_ACTIONS: ReadonlySet<ModerationAction> = new Set(['mute_author', 'unmute_author', 'block_author', 'unblock_author']);

/** Of each pair, the one that changes how things stand. */
function isOffered(action: ModerationAction, { isHidden, author }: ModeratedMessage): boolean {
  switch (action) {
    case 'hide':
      return !isHidden;
    case 'unhide':
      return isHidden;
    case 'mute_author':
      return author.mutedAt === null;
    case 'unmute_author':
      return author.mutedAt !== null;
    case 'block_author':
      return author.blockedAt === null;
    case 'unblock_author':
      return author.blockedAt !== null;
    default:
      return true;
  }
}

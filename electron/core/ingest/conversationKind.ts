import type { ConversationKind } from '../../../shared/domain/entities';
import type { ItemKind } from '../../../shared/domain/incomingItem';

/** Comments and their replies form a comment thread; mentions and DMs are their own kinds. */
export const conversationKindOf = (kind: ItemKind): ConversationKind =>
  kind === 'comment' || kind === 'reply' ? 'comment' : kind;

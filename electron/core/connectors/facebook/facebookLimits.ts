import type { AccountCannotCode } from '../../../../shared/api/accounts';
import type { ReplyLimits } from '../connector';
import { META_DM_WINDOW } from '../meta/metaDmWindow';

/**
 * Facebook's reply rules: a comment up to 8,000 characters and a Messenger text up to 2,000 (as
 * Meta's Send API has long documented; see docs/platforms/facebook.md for what was re-read),
 * Meta's DM window, and one private reply per comment within 7 days.
 */
export const FACEBOOK_LIMITS: ReplyLimits = {
  maxLength: 8_000,
  lengthUnit: 'characters',
  dmMaxLength: 2_000,
  ...META_DM_WINDOW,
  repliesNeedMention: false,
  hiddenCommentsTakeNoReply: false,
  // Messenger Platform, Private Replies: "within 7 days from when the post or comment was created".
  privateReplyWindowMs: 7 * 86_400_000,
};

/** What Facebook keeps from a desktop inbox: older messages of a conversation, and DMs past the window. */
export const FACEBOOK_CANNOT: readonly AccountCannotCode[] = ['meta_conversations_recent_only', 'meta_dm_window'];

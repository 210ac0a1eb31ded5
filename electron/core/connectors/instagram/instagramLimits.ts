import type { AccountCannotCode, AccountLimitsView } from '../../../../shared/api/accounts';
import type { ReplyLimits } from '../connector';
import { META_DM_WINDOW } from '../meta/metaDmWindow';
import type { InstagramUsage } from './graphUsage';

/**
 * Instagram's reply rules: 2,200 characters for a comment (Instagram's caption and comment limit
 * in its apps; no API page states one), 1,000 UTF-8 bytes for a DM or a private reply (Meta's
 * "Send a Message": "Message text must be UTF-8 and be a 1000 bytes or less", so an accented
 * letter counts 2; see docs/platforms/instagram.md), Meta's 24-hour window with HUMAN_AGENT for a
 * person up to 7 days, no reply to a hidden comment, and one private reply per comment within 7 days.
 */
export const INSTAGRAM_LIMITS: ReplyLimits = {
  maxLength: 2_200,
  lengthUnit: 'characters',
  dmMaxLength: 1_000,
  dmLengthUnit: 'utf8-bytes',
  ...META_DM_WINDOW,
  repliesNeedMention: false,
  hiddenCommentsTakeNoReply: true,
  // Private Replies: "within 7 days of the creation time of the comment".
  privateReplyWindowMs: 7 * 86_400_000,
};

/** What a desktop inbox cannot have from Instagram: mentions come by webhook only, conversations show their latest messages, and Meta's DM window. */
export const INSTAGRAM_CANNOT: readonly AccountCannotCode[] = ['instagram_mentions_by_webhook_only', 'meta_conversations_recent_only', 'meta_dm_window'];

/** Meta's usage headers are percentages of the limit: shown as calls left out of 100, and when polling resumes if it waits. */
export function instagramLimitsView(usage: InstagramUsage | null, pollingWaitsUntil: number | null): AccountLimitsView {
  return {
    budget: null,
    rateLimit: usage === null ? null : { remaining: Math.max(0, Math.round(100 - usage.percentUsed)), limit: 100, resetsAt: usage.resetsAt ?? pollingWaitsUntil },
    cannot: INSTAGRAM_CANNOT,
  };
}

import type { Platform } from '../../../../shared/domain/platform';
import type { ReplyLimits } from '../connector';
import { OPEN_REPLIES as OPEN } from '../replyLimits';

const DAY_MS = 86_400_000;

const META_DM = { dmReplyWindowMs: DAY_MS, dmHumanAgentWindowMs: 7 * DAY_MS };

/**
 * Each platform's reply rules as their APIs enforce them: Meta's
 * 24-hour messaging window with HUMAN_AGENT up to 7 days, Facebook's and Instagram's private replies, X's weighted 280 and its
 * mention-only replies, Bluesky's 300 graphemes, Instagram's hidden comments.
 */
export const DEMO_LIMITS: Readonly<Record<Platform, ReplyLimits>> = {
  facebook: { ...OPEN, ...META_DM, maxLength: 8000, lengthUnit: 'characters', dmMaxLength: 2000, privateReplyWindowMs: 7 * DAY_MS },
  instagram: { ...OPEN, ...META_DM, maxLength: 2200, lengthUnit: 'characters', dmMaxLength: 1000, dmLengthUnit: 'utf8-bytes', hiddenCommentsTakeNoReply: true, privateReplyWindowMs: 7 * DAY_MS },
  youtube: { ...OPEN, maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null },
  x: { ...OPEN, maxLength: 280, lengthUnit: 'twitter-weighted', dmMaxLength: 10_000, repliesNeedMention: true },
  bluesky: { ...OPEN, maxLength: 300, lengthUnit: 'graphemes', dmMaxLength: 1000 },
  mastodon: { ...OPEN, maxLength: 500, lengthUnit: 'characters', dmMaxLength: null },
  reddit: { ...OPEN, maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null },
  tiktok: { ...OPEN, maxLength: 150, lengthUnit: 'characters', dmMaxLength: null },
  linkedin: { ...OPEN, maxLength: 1250, lengthUnit: 'characters', dmMaxLength: null },
};

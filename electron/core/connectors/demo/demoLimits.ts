import type { Platform } from '../../../../shared/domain/platform';
import type { ReplyLimits } from '../connector';

const DAY_MS = 86_400_000;

/**
 * Each platform's reply limits as their APIs enforce them: Meta's 24 h messaging window,
 * X's weighted 280, Bluesky's 300 graphemes. Platforms without DMs here have no DM limit.
 */
export const DEMO_LIMITS: Readonly<Record<Platform, ReplyLimits>> = {
  facebook: { maxLength: 8000, lengthUnit: 'characters', dmMaxLength: 2000, dmReplyWindowMs: DAY_MS },
  instagram: { maxLength: 2200, lengthUnit: 'characters', dmMaxLength: 1000, dmReplyWindowMs: DAY_MS },
  youtube: { maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null },
  x: { maxLength: 280, lengthUnit: 'twitter-weighted', dmMaxLength: 10_000, dmReplyWindowMs: null },
  bluesky: { maxLength: 300, lengthUnit: 'graphemes', dmMaxLength: 1000, dmReplyWindowMs: null },
  mastodon: { maxLength: 500, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null },
  reddit: { maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null },
  tiktok: { maxLength: 150, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null },
  linkedin: { maxLength: 1250, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null },
};

import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { Platform } from '../../../../shared/domain/platform';

/**
 * What each platform's API lets a brand do to others' messages, as the
 * real connectors will declare it:
 * - Facebook, Instagram, TikTok: hide / unhide and delete comments.
 * - YouTube: `setModerationStatus` heldForReview (hide) or published (unhide), rejected with
 *   `banAuthor` (block); `comments.delete` only works on the channel's own comments.
 * - X: hide replies (`PUT /2/tweets/:id/hidden`), nothing else.
 * - Bluesky: hide replies through the thread's threadgate; block the author.
 * - Mastodon: no hiding; block the account, report it (category spam).
 * - Reddit: in moderated subreddits remove (hide) and approve (unhide), remove as spam; block
 *   the author, report.
 * - LinkedIn: delete a comment; no hide endpoint.
 */
export const DEMO_MODERATION: Readonly<Record<Platform, readonly ModerationAction[]>> = {
  facebook: ['hide', 'unhide', 'delete'],
  instagram: ['hide', 'unhide', 'delete'],
  youtube: ['hide', 'unhide', 'block_author'],
  x: ['hide', 'unhide'],
  bluesky: ['hide', 'unhide', 'block_author'],
  mastodon: ['block_author', 'mark_spam'],
  reddit: ['hide', 'unhide', 'mark_spam', 'block_author', 'report'],
  tiktok: ['hide', 'unhide', 'delete'],
  linkedin: ['delete'],
};

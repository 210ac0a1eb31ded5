import type { ItemKind } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import { DEMO_BRAND_ACCOUNTS } from './demoBrand';

/**
 * A permalink split around the message id. Prefixes are built once per author, post or
 * conversation, so a message's link costs one concatenation on the million-item path.
 */
export type LinkPattern = readonly [prefix: string, suffix: string];

export const linkTo = (pattern: LinkPattern, id: string): string => pattern[0] + id + pattern[1];

/** Where an author's own statuses and posts live: mentions, and every message on X, Bluesky, Mastodon. */
export function authorLinkPattern(platform: Platform, handle: string): LinkPattern {
  switch (platform) {
    case 'x':
      return [`https://x.com/${bare(handle)}/status/`, ''];
    case 'bluesky':
      return [`https://bsky.app/profile/${handle}/post/`, ''];
    case 'mastodon': {
      const [user, instance] = bare(handle).split('@');
      return [`https://${instance ?? 'mastodon.social'}/@${user}/`, ''];
    }
    case 'facebook':
      return [`https://www.facebook.com/${handle}/posts/`, ''];
    case 'tiktok':
      return [`https://www.tiktok.com/${handle}/video/`, ''];
    case 'instagram':
      return ['https://www.instagram.com/p/', '/'];
    case 'youtube':
      return ['https://www.youtube.com/watch?v=', ''];
    case 'reddit':
      return ['https://www.reddit.com/r/montreal/comments/', '/'];
    case 'linkedin':
      return ['https://www.linkedin.com/feed/update/urn:li:activity:', '/'];
  }
}

/** The brand's posts, at the addresses each platform gives them. */
export const postPermalink = (platform: Platform, postId: string): string =>
  linkTo(authorLinkPattern(platform, DEMO_BRAND_ACCOUNTS[platform].handle), postId);

/** Where comments under a post live; null where a reply is its author's own status. */
export function replyLinkPattern(platform: Platform, postLink: string): LinkPattern | null {
  switch (platform) {
    case 'facebook':
    case 'tiktok':
      return [`${postLink}?comment_id=`, ''];
    case 'instagram':
      return [`${postLink}c/`, '/'];
    case 'youtube':
      return [`${postLink}&lc=`, ''];
    case 'reddit':
      return [`${postLink}comment/`, '/'];
    case 'linkedin':
      return [`${postLink}?commentUrn=urn:li:comment:`, ''];
    case 'x':
    case 'bluesky':
    case 'mastodon':
      return null;
  }
}

/** A DM conversation's page; null on Mastodon, whose DMs are statuses with direct visibility. */
export function conversationPermalink(platform: Platform, threadId: string): string | null {
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/messages/t/${threadId}`;
    case 'instagram':
      return `https://www.instagram.com/direct/t/${threadId}/`;
    case 'x':
      return `https://x.com/messages/${threadId}`;
    case 'bluesky':
      return `https://bsky.app/messages/${threadId}`;
    default:
      return null;
  }
}

export type PermalinkTarget = {
  platform: Platform;
  kind: ItemKind;
  externalId: string;
  threadExternalId: string;
  authorHandle: string;
  /** The permalink of the post a comment or reply sits under; null for mentions and DMs. */
  postPermalink: string | null;
};

/** Where one message lives, built from scratch. */
export function messagePermalink(target: PermalinkTarget): string {
  const { platform, externalId } = target;
  const conversation = target.kind === 'dm' ? conversationPermalink(platform, target.threadExternalId) : null;
  if (conversation !== null) return conversation;
  const replies = target.postPermalink === null ? null : replyLinkPattern(platform, target.postPermalink);
  return linkTo(replies ?? authorLinkPattern(platform, target.authorHandle), externalId);
}

const bare = (handle: string): string => (handle.startsWith('@') ? handle.slice(1) : handle);

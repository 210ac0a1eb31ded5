import type { ItemKind } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import { DEMO_BRAND_ACCOUNTS } from './demoBrand';

/** The brand's posts, at the addresses each platform gives them. */
export function postPermalink(platform: Platform, postId: string): string {
  const brand = bare(DEMO_BRAND_ACCOUNTS[platform].handle);
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/${brand}/posts/${postId}`;
    case 'instagram':
      return `https://www.instagram.com/p/${postId}/`;
    case 'youtube':
      return `https://www.youtube.com/watch?v=${postId}`;
    case 'reddit':
      return `https://www.reddit.com/r/montreal/comments/${postId}/`;
    case 'tiktok':
      return `https://www.tiktok.com/@${brand}/video/${postId}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/update/urn:li:activity:${postId}/`;
    case 'x':
    case 'bluesky':
    case 'mastodon':
      return statusPermalink(platform, DEMO_BRAND_ACCOUNTS[platform].handle, postId);
  }
}

export type PermalinkTarget = {
  platform: Platform;
  kind: ItemKind;
  externalId: string;
  threadExternalId: string;
  authorHandle: string;
  /** The post a comment or reply sits under; null for mentions and DMs. */
  postId: string | null;
};

/** Where a message lives; DMs point at their conversation, where the platform has a page for it. */
export function messagePermalink(target: PermalinkTarget): string {
  const { platform, externalId: id, postId } = target;
  if (target.kind === 'dm') return dmPermalink(platform, target.threadExternalId, target.authorHandle, id);
  if (platform === 'x' || platform === 'bluesky' || platform === 'mastodon') {
    return statusPermalink(platform, target.authorHandle, id);
  }
  if (postId === null) return ownPostPermalink(platform, target.authorHandle, id);
  const post = postPermalink(platform, postId);
  switch (platform) {
    case 'facebook':
      return `${post}?comment_id=${id}`;
    case 'instagram':
      return `${post}c/${id}/`;
    case 'youtube':
      return `${post}&lc=${id}`;
    case 'reddit':
      return `${post}comment/${id}/`;
    case 'tiktok':
      return `${post}?comment_id=${id}`;
    case 'linkedin':
      return `${post}?commentUrn=urn:li:comment:${id}`;
  }
}

/** A mention lives in its author's own post. */
function ownPostPermalink(platform: Platform, authorHandle: string, id: string): string {
  if (platform === 'facebook') return `https://www.facebook.com/${authorHandle}/posts/${id}`;
  if (platform === 'tiktok') return `https://www.tiktok.com/${authorHandle}/video/${id}`;
  return postPermalink(platform, id);
}

function dmPermalink(platform: Platform, threadId: string, authorHandle: string, id: string): string {
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
      // Mastodon DMs are statuses with direct visibility; other platforms have no DMs here.
      return statusPermalink('mastodon', authorHandle, id);
  }
}

function statusPermalink(platform: 'x' | 'bluesky' | 'mastodon', handle: string, id: string): string {
  if (platform === 'x') return `https://x.com/${bare(handle)}/status/${id}`;
  if (platform === 'bluesky') return `https://bsky.app/profile/${handle}/post/${id}`;
  const [user, instance] = bare(handle).split('@');
  return `https://${instance ?? 'mastodon.social'}/@${user}/${id}`;
}

const bare = (handle: string): string => (handle.startsWith('@') ? handle.slice(1) : handle);

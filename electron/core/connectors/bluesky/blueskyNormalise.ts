import { z } from 'zod';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { attachmentsOf } from './blueskyAttachments';
import { postPermalink, repoOf, type PostView } from './blueskyPosts';
import type { BlueskyRef } from './blueskyTypes';

/** The notification reasons that are messages to answer; likes, reposts, follows and the rest are not. */
export const INBOX_REASONS = ['mention', 'reply', 'quote'] as const;

const strongRef = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const HTTP_URL = /^https?:\/\//i;

/** The parts of an app.bsky.notification.listNotifications entry Pieuvre reads. */
const notificationSchema = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string().min(1),
  reason: z.string(),
  indexedAt: z.string(),
  author: z.object({ did: z.string().startsWith('did:'), handle: z.string(), displayName: z.string().optional(), avatar: z.string().optional() }),
  record: z
    .object({
      text: z.string(),
      createdAt: z.string().optional(),
      reply: z.object({ root: strongRef, parent: strongRef }).optional(),
      langs: z.array(z.string()).optional(),
    })
    .passthrough(),
});
export type Notification = z.output<typeof notificationSchema>;

export type ParsedNotification = { kind: 'message'; notification: Notification } | { kind: 'skipped' } | { kind: 'rejected'; reason: string };

/** Reads one notification: a message to keep, one that is not (a like), or one that cannot be read, with why. */
export function parseNotification(raw: unknown): ParsedNotification {
  const parsed = notificationSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = (raw as { reason?: unknown } | null)?.reason;
    // A like with an odd shape is still a like: nothing is lost by leaving it out.
    if (typeof reason === 'string' && !isInboxReason(reason)) return { kind: 'skipped' };
    return { kind: 'rejected', reason: `bluesky notification: ${describeIssues(parsed.error)}` };
  }
  if (!isInboxReason(parsed.data.reason)) return { kind: 'skipped' };
  if (timeOf(parsed.data) === null) return { kind: 'rejected', reason: 'bluesky notification: neither record.createdAt nor indexedAt is a date' };
  return { kind: 'message', notification: parsed.data };
}

const isInboxReason = (reason: string): boolean => (INBOX_REASONS as readonly string[]).includes(reason);

/** The brand's thread root this notification replies in, if it does: its comments form one conversation. */
export function brandRootOf(notification: Notification, brandDid: string): string | null {
  const root = notification.record.reply?.root.uri;
  return root !== undefined && repoOf(root) === brandDid ? root : null;
}

/**
 * The inbox item of one notification: a reply anywhere in a thread of the brand's post is a
 * comment of the conversation of that post (`roots` holds the posts, fetched in batches); a
 * mention, a quote or a reply elsewhere is a conversation of its own. A reply that also mentions
 * the brand comes as one `mention` notification, so it is one item, here a comment.
 */
export function notificationItem(notification: Notification, brandDid: string, roots: ReadonlyMap<string, PostView>): IncomingItemInput {
  const { record, author } = notification;
  const rootUri = brandRootOf(notification, brandDid);
  const root = record.reply?.root ?? { uri: notification.uri, cid: notification.cid };
  const ref: BlueskyRef = { uri: notification.uri, cid: notification.cid, rootUri: root.uri, rootCid: root.cid };
  const base = {
    platform: 'bluesky' as const,
    externalId: notification.uri,
    author: { externalId: author.did, handle: author.handle, name: author.displayName?.trim() || author.handle, avatarUrl: author.avatar && HTTP_URL.test(author.avatar) ? author.avatar : null },
    text: record.text,
    createdAt: timeOf(notification) ?? 0,
    permalink: postPermalink(notification.uri, author.handle),
    language: languageOf(record.langs),
    ref,
    attachments: attachmentsOf(record, author.did),
  };
  if (rootUri === null) return { ...base, kind: 'mention', threadExternalId: notification.uri };
  const post = roots.get(rootUri);
  return {
    ...base,
    kind: 'comment',
    threadExternalId: rootUri,
    parentExternalId: record.reply?.parent.uri ?? null,
    post: {
      externalId: rootUri,
      text: post?.record.text ?? '',
      permalink: postPermalink(rootUri, post?.author.handle ?? null),
      createdAt: post ? dateOf(post.record.createdAt) : null,
    },
  };
}

/** When the author wrote it (the record's own date), else when the AppView saw it. */
function timeOf(notification: Notification): number | null {
  return dateOf(notification.record.createdAt) ?? dateOf(notification.indexedAt);
}

function dateOf(value: string | undefined): number | null {
  const time = value === undefined ? NaN : Date.parse(value);
  return Number.isFinite(time) && time >= 0 ? time : null;
}

/** The primary subtag of the first language the author declared ("fr-CA" → "fr"). */
function languageOf(langs: readonly string[] | undefined): string | null {
  const primary = langs?.[0]?.split('-')[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

import { describeIssues } from '../../../../shared/api/describeIssues';
import type { IncomingItemInput, ItemKind } from '../../../../shared/domain/incomingItem';
import { inboxMessageSchema, type InboxMessage } from './redditEntities';
import type { RedditRef } from './redditRef';

/** The signed-in account: its username (`brulerie_mtl`) tells the brand's own messages apart. */
export type RedditBrand = { name: string };

export const REDDIT_WEB = 'https://www.reddit.com';

export type Normalised = { outcome: 'item'; item: IncomingItemInput; ref: RedditRef } | { outcome: 'rejected'; reason: string };

/** What each kind of comment message is in the inbox (Reddit's `type`). */
const COMMENT_KINDS: Readonly<Record<string, ItemKind>> = { comment_reply: 'reply', post_reply: 'comment', username_mention: 'mention' };

/**
 * One inbox item as a message. A comment message (a reply to the brand's post or comment, or a
 * username mention) joins the conversation of its post (`t3_…`, read from its `context` path):
 * everything said to the brand under one post is one conversation. A private message joins its
 * message thread (`first_message_name`, or itself when it starts one).
 */
export function normaliseInboxItem(payload: unknown, brand: RedditBrand): Normalised {
  const parsed = inboxMessageSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `inbox item: ${describeIssues(parsed.error)}` };
  const message = parsed.data;
  const { data } = message;
  if (message.kind === 't1' !== data.was_comment || !data.name.startsWith(`${message.kind}_`)) {
    return { outcome: 'rejected', reason: `inbox item: kind ${message.kind} does not match ${data.name}` };
  }
  const createdAt = Math.round(data.created_utc * 1000);
  if (!Number.isSafeInteger(createdAt) || createdAt >= 2 ** 42) return { outcome: 'rejected', reason: 'inbox item: created_utc is not a time' };
  return message.kind === 't1' ? commentMessage(message, brand, createdAt) : composedMessage(message, brand, createdAt);
}

function commentMessage(message: InboxMessage, brand: RedditBrand, createdAt: number): Normalised {
  const { data } = message;
  const post = /\/comments\/([0-9a-z]+)\//u.exec(data.context)?.[1];
  if (post === undefined) return { outcome: 'rejected', reason: 'comment message: its context names no post' };
  const kind = COMMENT_KINDS[data.type ?? ''];
  if (kind === undefined) return { outcome: 'rejected', reason: `comment message: unknown type ${String(data.type).slice(0, 40)}` };
  const thread = `t3_${post}`;
  const permalink = webAddress(data.context.replace(/\?.*$/u, ''));
  return item(message, brand, createdAt, {
    kind,
    threadExternalId: thread,
    permalink,
    post: { externalId: thread, text: data.link_title ?? '', permalink: webAddress(data.context.replace(/\/[0-9a-z]+\/?(\?.*)?$/u, '/')), createdAt: null },
  });
}

function composedMessage(message: InboxMessage, brand: RedditBrand, createdAt: number): Normalised {
  const { data } = message;
  const thread = data.first_message_name ?? data.name;
  return item(message, brand, createdAt, { kind: 'dm', threadExternalId: thread, permalink: `${REDDIT_WEB}/message/messages/${data.name.slice(3)}`, post: null });
}

type Placement = Pick<IncomingItemInput, 'kind' | 'threadExternalId' | 'permalink' | 'post'>;

/** What every Reddit message says of itself, whichever listing it came from. */
export type MessageFields = { name: string; author: string | null; authorFullname: string | null; subreddit: string | null; parent: string | null; text: string; createdAt: number };

function item(message: InboxMessage, brand: RedditBrand, createdAt: number, placement: Placement): Normalised {
  const { data } = message;
  const subject = message.kind === 't4' && data.subject && !data.parent_id ? `${data.subject}\n\n` : '';
  const fields = { name: data.name, author: data.author, authorFullname: data.author_fullname ?? null, subreddit: data.subreddit ?? null, parent: data.parent_id ?? null, text: `${subject}${data.body}`, createdAt };
  return messageItem(fields, brand, placement);
}

/** The item and the ref a message becomes, once its place (kind, conversation, link, post) is known. */
export function messageItem(fields: MessageFields, brand: RedditBrand, placement: Placement): Normalised {
  const ref: RedditRef = { name: fields.name, author: fields.author, subreddit: fields.subreddit, thread: placement.threadExternalId };
  return {
    outcome: 'item',
    ref,
    item: {
      platform: 'reddit',
      direction: fields.author !== null && fields.author.toLowerCase() === brand.name.toLowerCase() ? 'out' : 'in',
      externalId: fields.name,
      parentExternalId: fields.parent,
      author: authorOf(fields),
      text: fields.text,
      createdAt: fields.createdAt,
      language: null,
      ref,
      ...placement,
    },
  };
}

/** A person (`u/name`, their `t2_` id when Reddit gives it), or the community a message came from. */
function authorOf({ author, authorFullname, subreddit }: MessageFields): IncomingItemInput['author'] {
  if (author === null || author === '') {
    const community = `r/${subreddit ?? 'reddit'}`;
    return { externalId: community, handle: community, name: community, avatarUrl: null, followerCount: null };
  }
  return { externalId: authorFullname ?? `u/${author}`, handle: `u/${author}`, name: author, avatarUrl: null, followerCount: null };
}

/** A site path (`/r/x/comments/…`) as an address on reddit.com. */
export function webAddress(path: string): string | null {
  return path.startsWith('/') && !/\s/u.test(path) ? `${REDDIT_WEB}${path}` : null;
}

import type { Attachment, IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { referencesOf, xDmEventSchema, xPostSchema, xUserSchema, type XPost, type XUser } from './xEntities';
import type { XRef } from './xRef';

/** Who the brand is on X: its user id and username (without @). */
export type XBrand = { userId: string; username: string };

export type XNormalised = { outcome: 'item'; item: IncomingItemInput; ref: XRef } | { outcome: 'skipped' } | { outcome: 'rejected'; reason: string };

/** The users an answer's `includes.users` brought, by id; an unreadable one is left out (its posts fall back to the bare id). */
export function usersById(users: readonly unknown[] | null | undefined): Map<string, XUser> {
  const byId = new Map<string, XUser>();
  for (const raw of users ?? []) {
    const user = xUserSchema.safeParse(raw);
    if (user.success) byId.set(user.data.id, user.data);
  }
  return byId;
}

/** The authors of the brand's posts that an answer's `includes.tweets` brought: whether a quote quotes the brand. */
export function authorsOfPosts(posts: readonly unknown[] | null | undefined): Map<string, string> {
  const authors = new Map<string, string>();
  for (const raw of posts ?? []) {
    const post = xPostSchema.pick({ id: true, author_id: true }).safeParse(raw);
    if (post.success) authors.set(post.data.id, post.data.author_id);
  }
  return authors;
}

/**
 * A post of the mentions timeline as an inbox item, in the thread of its conversation (X's
 * `conversation_id` is the id of the post that started it). Its ref says whether the author
 * summoned the brand (an @mention, or a quote of one of its posts): since February 2026 X
 * takes a programmatic reply only then.
 */
export function normaliseMention(payload: unknown, users: ReadonlyMap<string, XUser>, quotedAuthors: ReadonlyMap<string, string>, brand: XBrand): XNormalised {
  const parsed = xPostSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `post: ${describeIssues(parsed.error)}` };
  const post = parsed.data;
  const createdAt = Date.parse(post.created_at);
  if (!Number.isFinite(createdAt) || createdAt < 0) return { outcome: 'rejected', reason: `post: created_at is not a date (${post.created_at.slice(0, 40)})` };
  const references = referencesOf(post);
  const author = authorOf(post.author_id, users);
  const ref: XRef = { id: post.id, authorId: post.author_id, conversationId: post.conversation_id ?? post.id, isSummoned: isSummoned(post, quotedAuthors, brand) };
  const item: IncomingItemInput = {
    platform: 'x',
    kind: 'mention',
    direction: post.author_id === brand.userId ? 'out' : 'in',
    externalId: post.id,
    threadExternalId: ref.conversationId,
    parentExternalId: references.find((reference) => reference.type === 'replied_to')?.id ?? null,
    author,
    text: post.text,
    createdAt,
    permalink: `https://x.com/${encodeURIComponent(users.get(post.author_id)?.username ?? 'i')}/status/${post.id}`,
    language: primaryLanguage(post.lang),
    ref,
    attachments: linksOf(post),
  };
  return { outcome: 'item', item, ref };
}

/** A DM event as an inbox item in its conversation; events that are not messages (people joining, leaving) are skipped. */
export function normaliseDm(payload: unknown, users: ReadonlyMap<string, XUser>, brand: XBrand): XNormalised {
  const parsed = xDmEventSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `dm_event: ${describeIssues(parsed.error)}` };
  const event = parsed.data;
  if (event.event_type !== 'MessageCreate') return { outcome: 'skipped' };
  if (!event.sender_id || !event.dm_conversation_id) return { outcome: 'rejected', reason: 'dm_event: a message without its sender or conversation' };
  const createdAt = Date.parse(event.created_at ?? '');
  if (!Number.isFinite(createdAt) || createdAt < 0) return { outcome: 'rejected', reason: `dm_event: created_at is not a date (${String(event.created_at).slice(0, 40)})` };
  const ref: XRef = { id: event.id, authorId: event.sender_id, conversationId: event.dm_conversation_id, isSummoned: false, dm: true };
  const item: IncomingItemInput = {
    platform: 'x',
    kind: 'dm',
    direction: event.sender_id === brand.userId ? 'out' : 'in',
    externalId: event.id,
    threadExternalId: dmThread(event.dm_conversation_id),
    author: authorOf(event.sender_id, users),
    text: event.text ?? '',
    createdAt,
    ref,
  };
  return { outcome: 'item', item, ref };
}

/** DM conversations get a thread of their own name: a post's conversation id could be the same digits. */
export const dmThread = (conversationId: string): string => `dm:${conversationId}`;

function isSummoned(post: XPost, quotedAuthors: ReadonlyMap<string, string>, brand: XBrand): boolean {
  const mentioned = (post.entities?.mentions ?? []).some((mention) => mention.id === brand.userId || mention.username.toLowerCase() === brand.username.toLowerCase());
  const quoted = referencesOf(post).some((reference) => reference.type === 'quoted' && quotedAuthors.get(reference.id) === brand.userId);
  return mentioned || quoted;
}

function authorOf(userId: string, users: ReadonlyMap<string, XUser>) {
  const user = users.get(userId);
  if (!user) return { externalId: userId, handle: userId, name: userId };
  const followers = user.public_metrics?.followers_count;
  return {
    externalId: user.id,
    handle: `@${user.username}`,
    name: user.name || user.username,
    avatarUrl: webAddress(user.profile_image_url),
    followerCount: typeof followers === 'number' && Number.isInteger(followers) && followers >= 0 ? followers : null,
  };
}

/** The links as X expanded them (the text keeps its t.co ones). */
function linksOf(post: XPost): Attachment[] {
  return (post.entities?.urls ?? []).flatMap((url): Attachment[] => {
    const address = webAddress(url.expanded_url) ?? webAddress(url.url);
    return address === null ? [] : [{ kind: 'link', url: address, alt: url.title?.slice(0, 2_000) || null }];
  }).slice(0, 20);
}

function webAddress(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.length <= 4096 && /^https?:\/\/[^\s/?#]+\S*$/iu.test(value) ? value : null;
}

/** X's `lang` is a BCP 47 tag or `und`: the primary language, or unknown. */
function primaryLanguage(language: string | null | undefined): string | null {
  const primary = language?.split(/[-_]/u)[0]?.toLowerCase();
  return primary !== undefined && primary !== 'und' && /^[a-z]{2,3}$/u.test(primary) ? primary : null;
}

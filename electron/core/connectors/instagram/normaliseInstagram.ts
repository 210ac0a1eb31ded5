import type { IncomingItemInput, MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { commentSchema, messageSchema, replySchema, type InstagramComment, type InstagramMedia } from './instagramEntities';
import { graphTimeMs } from '../meta/graphTime';
import { readMessage } from '../meta/readMessage';
import type { CommentRef, DmRef } from './instagramRef';

/** Who the brand is: its professional account's id (as messages name it) and its username. */
export type InstagramBrand = { userId: string; username: string };

export type Normalised<Ref> = { outcome: 'item'; item: IncomingItemInput; ref: Ref; hidden: MessageUpdateInput | null } | { outcome: 'rejected'; reason: string };

/**
 * A comment and its expanded replies as inbox items: top-level comments open a thread, replies
 * join their top-level comment's. A hidden comment also gives its hidden state (an item has none).
 */
export function normaliseComment(payload: unknown, media: InstagramMedia, brand: InstagramBrand): { results: Normalised<CommentRef>[] } {
  const parsed = commentSchema.safeParse(payload);
  if (!parsed.success) return { results: [{ outcome: 'rejected', reason: `comment: ${describeIssues(parsed.error)}` }] };
  const top = commentItem(parsed.data, parsed.data.id, media, brand);
  const replies = (parsed.data.replies?.data ?? []).map((reply) => {
    const each = replySchema.safeParse(reply);
    return each.success ? commentItem(each.data, parsed.data.id, media, brand) : ({ outcome: 'rejected', reason: `reply: ${describeIssues(each.error)}` } as const);
  });
  return { results: [top, ...replies] };
}

function commentItem(comment: InstagramComment, topId: string, media: InstagramMedia, brand: InstagramBrand): Normalised<CommentRef> {
  const createdAt = graphTimeMs(comment.timestamp);
  if (createdAt === null) return { outcome: 'rejected', reason: `comment: timestamp is not a date (${comment.timestamp.slice(0, 40)})` };
  const username = comment.from?.username ?? comment.username;
  if (username === undefined) return { outcome: 'rejected', reason: 'comment: neither from nor username says who wrote it' };
  const isReply = comment.id !== topId;
  const hidden = comment.hidden ?? false;
  const ref: CommentRef = { kind: 'comment', mediaId: media.id, topId, hidden, createdAt };
  const item: IncomingItemInput = {
    platform: 'instagram',
    kind: isReply ? 'reply' : 'comment',
    direction: comment.from?.id === brand.userId || username === brand.username ? 'out' : 'in',
    externalId: comment.id,
    threadExternalId: topId,
    parentExternalId: isReply ? (comment.parent_id ?? topId) : null,
    // Instagram gives no avatar and no address per comment: the media's is the closest.
    author: { externalId: comment.from?.id ?? `username:${username}`, handle: username, name: username },
    text: comment.text,
    createdAt,
    permalink: webAddress(media.permalink),
    post: { externalId: media.id, text: media.caption ?? '', permalink: webAddress(media.permalink), createdAt: graphTimeMs(media.timestamp) },
    ref,
  };
  return { outcome: 'item', item, ref, hidden: hidden ? { change: 'hidden', platform: 'instagram', externalId: comment.id, isHidden: true } : null };
}

/** One message of a conversation; `conversationId` files it. */
export function normaliseMessage(payload: unknown, conversationId: string, brand: InstagramBrand): Normalised<DmRef> {
  const read = readMessage(payload, messageSchema, brand.userId);
  if ('reason' in read) return { outcome: 'rejected', reason: read.reason };
  const { message, createdAt, isOwn: isOut, personId } = read;
  const ref: DmRef = { kind: 'dm', conversationId, participantId: personId, createdAt };
  const handle = message.from.username ?? message.from.id;
  const item: IncomingItemInput = {
    platform: 'instagram',
    kind: 'dm',
    direction: isOut ? 'out' : 'in',
    externalId: message.id,
    threadExternalId: conversationId,
    author: { externalId: message.from.id, handle, name: handle },
    text: message.message ?? '',
    createdAt,
    ref,
  };
  return { outcome: 'item', item, ref, hidden: null };
}

function webAddress(value: string | undefined): string | null {
  return value !== undefined && /^https?:\/\/[^\s/?#]+\S*$/iu.test(value) && value.length <= 4_096 ? value : null;
}

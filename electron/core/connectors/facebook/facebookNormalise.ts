import type { Attachment, IncomingItemInput, MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { commentSchema, messageSchema, type GraphPost } from './facebookEntities';
import { graphTimeMs } from '../meta/graphTime';
import { readDated } from '../meta/readDated';
import { readMessage } from '../meta/readMessage';
import { textHash, type FacebookRef } from './facebookRef';

/** The Page the account is: its id tells the brand's own comments and messages from the others'. */
export type FacebookPage = { id: string; name: string };

export type Normalised =
  | { outcome: 'item'; item: IncomingItemInput; ref: FacebookRef; createdAt: number; updates: MessageUpdateInput[] }
  | { outcome: 'rejected'; reason: string };

/**
 * One comment of a post as an inbox item: a top-level comment starts its own thread, a reply
 * (`parent`) joins its parent's, as Facebook shows them. A comment Facebook has hidden comes
 * with its hidden state as an update, since an item carries none.
 */
export function normaliseComment(payload: unknown, post: GraphPost, page: FacebookPage): Normalised {
  const read = readDated(payload, commentSchema, 'comment');
  if ('reason' in read) return { outcome: 'rejected', reason: read.reason };
  const { value: comment, createdAt } = read;
  const isHidden = comment.is_hidden === true;
  const ref: FacebookRef = { kind: 'comment', id: comment.id, post: post.id, at: createdAt, hash: textHash(comment.message), isHidden };
  const item: IncomingItemInput = {
    platform: 'facebook',
    kind: comment.parent ? 'reply' : 'comment',
    direction: comment.from.id === page.id ? 'out' : 'in',
    externalId: comment.id,
    threadExternalId: comment.parent?.id ?? comment.id,
    parentExternalId: comment.parent?.id ?? null,
    author: author(comment.from),
    text: comment.message,
    createdAt,
    permalink: webAddress(comment.permalink_url),
    post: { externalId: post.id, text: post.message, permalink: webAddress(post.permalink_url), createdAt: graphTimeMs(post.created_time) },
    ref,
    attachments: commentAttachment(comment.attachment),
  };
  const updates: MessageUpdateInput[] = isHidden ? [{ change: 'hidden', platform: 'facebook', externalId: comment.id, isHidden }] : [];
  return { outcome: 'item', item, ref, createdAt, updates };
}

/**
 * One Messenger message as a DM of its conversation. The person's PSID (the one of `from`/`to`
 * who is not the Page) is kept to answer through the Send API.
 */
export function normaliseMessage(payload: unknown, conversationId: string, page: FacebookPage): Normalised {
  const read = readMessage(payload, messageSchema, page.id);
  if ('reason' in read) return { outcome: 'rejected', reason: read.reason };
  const { message, createdAt, isOwn, personId: psid } = read;
  const ref: FacebookRef = { kind: 'dm', id: message.id, conversation: conversationId, at: createdAt, psid };
  const item: IncomingItemInput = {
    platform: 'facebook',
    kind: 'dm',
    direction: isOwn ? 'out' : 'in',
    externalId: message.id,
    threadExternalId: conversationId,
    author: author(message.from),
    text: message.message,
    createdAt,
    ref,
    attachments: (message.attachments?.data ?? []).flatMap((attachment): Attachment[] => {
      const url = webAddress(attachment.image_data?.url) ?? webAddress(attachment.file_url);
      return url === null ? [] : [{ kind: attachment.image_data ? 'image' : 'link', url, alt: attachment.name?.slice(0, 2_000) ?? null }];
    }).slice(0, 20),
  };
  return { outcome: 'item', item, ref, createdAt, updates: [] };
}

/** Graph gives a name and an app- or Page-scoped id; no handle, no public avatar without another call. */
const author = (from: { id: string; name: string }) => ({ externalId: from.id, handle: from.name || from.id, name: from.name || from.id, avatarUrl: null, followerCount: null });

function commentAttachment(attachment: { type?: string | undefined; url?: string | undefined; media?: { image?: { src: string } | undefined } | undefined } | undefined): Attachment[] {
  const url = webAddress(attachment?.media?.image?.src) ?? webAddress(attachment?.url);
  if (url === null) return [];
  const kind = attachment?.type?.includes('video') ? 'video' : attachment?.media?.image ? 'image' : 'link';
  return [{ kind, url, alt: null }];
}

function webAddress(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.length <= 4096 && /^https?:\/\/[^\s/?#]+\S*$/iu.test(value) ? value : null;
}

import type { PlatformRef } from '../connector';

/**
 * What a Mastodon message keeps to be answered or moderated later (`IncomingItem.ref`): the
 * status's id on the brand's server (`in_reply_to_id`, reports, deletion), its author's id there
 * (block, mute, report), its visibility (a reply never widens it), the accounts it mentions (a
 * reply keeps them, with its author), its `uri`, when it was last edited (an edit is noticed once) and the thread
 * it was filed in (replies to it join that thread).
 */
export type MastodonRef = {
  id: string;
  uri: string | null;
  accountId: string;
  /** The author's `name@host`. */
  author: string;
  visibility: string;
  /** Qualified `name@host`, the brand's own account included when mentioned. */
  mentions: string[];
  editedAt: number | null;
  thread: string;
};

/** A stored ref read back; null when it is not one of ours (another version, a damaged row). */
export function readRef(ref: PlatformRef): MastodonRef | null {
  if (ref === null) return null;
  const { id, uri, accountId, author, visibility, mentions, editedAt, thread } = ref;
  if (typeof id !== 'string' || typeof accountId !== 'string' || typeof author !== 'string' || typeof visibility !== 'string' || typeof thread !== 'string') return null;
  return {
    id,
    uri: typeof uri === 'string' ? uri : null,
    accountId,
    author,
    visibility,
    mentions: Array.isArray(mentions) ? mentions.filter((acct): acct is string => typeof acct === 'string') : [],
    editedAt: typeof editedAt === 'number' ? editedAt : null,
    thread,
  };
}

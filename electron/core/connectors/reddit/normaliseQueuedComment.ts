import { describeIssues } from '../../../../shared/api/describeIssues';
import { messageItem, webAddress, type Normalised, type RedditBrand } from './normaliseInboxItem';
import { commentSchema } from './redditEntities';

/**
 * A comment from the moderation queue of a community the account moderates (reported, or held
 * by Reddit's filters): it joins its post's conversation like the inbox's comment replies do, a
 * top-level comment as a comment, an answer to another comment as a reply.
 */
export function normaliseQueuedComment(payload: unknown, brand: RedditBrand): Normalised {
  const parsed = commentSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `queued comment: ${describeIssues(parsed.error)}` };
  const { data } = parsed.data;
  if (data.link_id === undefined || data.permalink === undefined) return { outcome: 'rejected', reason: 'queued comment: it names no post' };
  const createdAt = Math.round(data.created_utc * 1000);
  if (!Number.isSafeInteger(createdAt) || createdAt >= 2 ** 42) return { outcome: 'rejected', reason: 'queued comment: created_utc is not a time' };
  const parent = data.parent_id ?? data.link_id;
  const fields = { name: data.name, author: data.author, authorFullname: data.author_fullname ?? null, subreddit: data.subreddit ?? null, parent, text: data.body, createdAt };
  return messageItem(fields, brand, {
    kind: parent.startsWith('t1_') ? 'reply' : 'comment',
    threadExternalId: data.link_id,
    permalink: webAddress(data.permalink),
    post: { externalId: data.link_id, text: data.link_title ?? '', permalink: webAddress(data.permalink.replace(/[0-9a-z]+\/?$/u, '')), createdAt: null },
  });
}

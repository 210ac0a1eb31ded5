import { z } from 'zod';
import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { ConnectorError, type PlatformRef, type SyncPage, type SyncRequest } from '../connector';
import { parentsToFollow } from '../meta/followedParents';
import { mediaSchema, type InstagramMedia } from './instagramEntities';
import { COMMENT_WITH_REPLIES_FIELDS, MEDIA_FIELDS, PAGE_LIMIT } from './instagramFields';
import type { InstagramHttp } from './instagramHttp';
import { graphPath } from './instagramHosts';
import { readAllPages, readPage } from './instagramPages';
import { readRef } from './instagramRef';
import { normaliseComment, type InstagramBrand } from './normaliseInstagram';
import { parseJsonAs } from '../parseJsonAs';

/** The comments stream once a pass is done: the newest comment seen and each recent media's comment count. */
export const COMMENTS_CURSOR = 'comments';
/** A comments pass under way: the media still to read (ids only: no Meta cursor is stored). */
export const COMMENTS_PASS_CURSOR = 'commentsPass';
/** Comments live on the account's media: the most recent ones are read (one Graph page of media). */
const RECENT_MEDIA = 50;
/** The newest media is read again every pass, count changed or not: that is where hiding happens (one call a poll: Instagram's quota is per account and day). */
const ALWAYS_REREAD = 1;
/** Media read per sync page, so a long backfill stores its progress as it goes. */
export const MEDIA_PER_PAGE = 5;

const countsSchema = z.record(z.string(), z.number().int().min(0));
const doneSchema = z.object({ at: z.number(), counts: countsSchema });
const passSchema = z.object({ todo: z.array(z.string()), planned: z.number().int().min(0), at: z.number(), counts: countsSchema });
export type CommentsPass = z.output<typeof passSchema>;

export function readCommentsPass(value: string | undefined): CommentsPass | null {
  return parseJsonAs(value, passSchema);
}

/**
 * Starts a pass: lists the recent media and keeps those whose comment count moved since the last
 * pass (a new comment, or one deleted), the newest few, and all of them on the first pass. Older
 * media with a conversation in the last 30 days are checked the same way when that is due
 * (meta/followedParents.ts), each with one `GET /{media-id}`: `isFollowedChecked` then.
 */
export async function planCommentsPass(http: InstagramHttp, request: Pick<SyncRequest, 'cursors' | 'recheck' | 'signal'>, media: Map<string, InstagramMedia>, now: number): Promise<{ pass: CommentsPass; isFollowedChecked: boolean }> {
  const { cursors, signal } = request;
  const done = parseJsonAs(cursors[COMMENTS_CURSOR], doneSchema);
  const page = await readPage(http, graphPath('/me/media'), { fields: MEDIA_FIELDS, limit: String(RECENT_MEDIA) }, signal);
  const listed = page.data.flatMap((raw) => {
    const parsed = mediaSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const followed = parentsToFollow(request, listed.map((each) => each.id), now, FOLLOWED_MEDIA, mediaOf);
  const older = (await Promise.all(followed.map((id) => readMedia(http, id, signal).catch(goneIsNull)))).filter((each) => each !== null);
  const counts: Record<string, number> = {};
  const todo: string[] = [];
  for (const [index, each] of [...listed, ...older].entries()) {
    const { id, comments_count: count = 0 } = each;
    media.set(id, each);
    counts[id] = count;
    const before = done?.counts[id];
    if (before === undefined ? count > 0 : before !== count || (index < ALWAYS_REREAD && count > 0)) todo.push(id);
  }
  return { pass: { todo, planned: todo.length, at: done?.at ?? 0, counts }, isFollowedChecked: followed.length > 0 };
}

/** A followed media deleted since is simply no longer followed. */
const goneIsNull = (error: unknown): null => {
  if (error instanceof ConnectorError && (error.kind === 'not_found' || error.kind === 'permanent')) return null;
  throw error;
};

/** Older media followed per check: one call each, so a few (Instagram's calls are counted per account and hour). */
const FOLLOWED_MEDIA = 10;
const mediaOf = (ref: PlatformRef) => {
  const read = readRef(ref);
  return read?.kind === 'comment' ? { id: read.mediaId, at: read.createdAt } : null;
};

type Batch = Pick<SyncPage, 'items' | 'updates' | 'rejected'> & { pass: CommentsPass };

/** Reads the next media of the pass: all their comments (replies expanded), deletions and hidden changes of those already stored. */
export async function readCommentsBatch(http: InstagramHttp, brand: InstagramBrand, pass: CommentsPass, media: Map<string, InstagramMedia>, request: SyncRequest, recheck: SyncRequest['recheck'], now: number): Promise<Batch> {
  const batch: Batch = { items: [], updates: [], rejected: [], pass: { ...pass, todo: pass.todo.slice(MEDIA_PER_PAGE) } };
  // The media of a page are read side by side (each one's comment pages in order): the page
  // costs its slowest media rather than their sum.
  const read = await Promise.all(pass.todo.slice(0, MEDIA_PER_PAGE).map((mediaId) => readMediaComments(http, mediaId, media, request.signal)));
  for (const { mediaId, each, comments } of read) {
    if (each === null) continue;
    const seen = new Map<string, boolean>();
    for (const payload of comments) {
      for (const result of normaliseComment(payload, each, brand).results) {
        if (result.outcome === 'rejected') {
          batch.rejected.push({ payload, reason: result.reason });
          continue;
        }
        seen.set(String(result.item.externalId), result.ref.hidden);
        if (result.item.createdAt < request.backfillSince) continue;
        batch.items.push(result.item);
        if (result.hidden) batch.updates.push(result.hidden);
        batch.pass.at = Math.max(batch.pass.at, result.item.createdAt);
      }
    }
    batch.updates.push(...changesOf(mediaId, seen, recheck, request.backfillSince, now));
  }
  return batch;
}

/**
 * What became of the stored comments of a media just read in full: a top-level comment no longer
 * there was deleted (with its replies); one whose hidden state differs was hidden or shown.
 * Replies missing alone are left be: a long reply chain may show only its first replies.
 */
function changesOf(mediaId: string, seen: ReadonlyMap<string, boolean>, recheck: SyncRequest['recheck'], since: number, now: number): MessageUpdateInput[] {
  const updates: MessageUpdateInput[] = [];
  for (const stored of recheck) {
    const ref = readRef(stored.ref);
    if (ref?.kind !== 'comment' || ref.mediaId !== mediaId || ref.createdAt < since) continue;
    const hidden = seen.get(stored.externalId);
    if (hidden === undefined && !seen.has(ref.topId)) updates.push({ change: 'deleted', platform: 'instagram', externalId: stored.externalId, deletedAt: now });
    else if (hidden !== undefined && hidden !== ref.hidden) updates.push({ change: 'hidden', platform: 'instagram', externalId: stored.externalId, isHidden: hidden });
  }
  return updates;
}

async function readMediaComments(http: InstagramHttp, mediaId: string, media: Map<string, InstagramMedia>, signal: AbortSignal) {
  const each = media.get(mediaId) ?? (await readMedia(http, mediaId, signal));
  if (each === null) return { mediaId, each, comments: [] };
  media.set(mediaId, each);
  return { mediaId, each, comments: await readAllPages(http, graphPath(`/${encodeURIComponent(mediaId)}/comments`), { fields: COMMENT_WITH_REPLIES_FIELDS, limit: PAGE_LIMIT }, signal) };
}

async function readMedia(http: InstagramHttp, mediaId: string, signal: AbortSignal): Promise<InstagramMedia | null> {
  const parsed = mediaSchema.safeParse(await http.call({ path: graphPath(`/${encodeURIComponent(mediaId)}`), query: { fields: MEDIA_FIELDS }, signal }));
  return parsed.success ? parsed.data : null;
}

/** The cursor that closes a finished pass. */
export const commentsDone = (pass: CommentsPass): string => JSON.stringify({ at: pass.at, counts: pass.counts });

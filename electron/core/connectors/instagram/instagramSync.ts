import type { SyncPage, SyncRequest } from '../connector';
import { FOLLOWED_CHECKED_AT } from '../meta/followedParents';
import { COMMENTS_CURSOR, COMMENTS_PASS_CURSOR, commentsDone, planCommentsPass, readCommentsBatch, readCommentsPass, type CommentsPass } from './instagramCommentSync';
import { DMS_CURSOR, DMS_PASS_CURSOR, readDmsBatch, readDmsPass, startDmsPass, type NextPage } from './instagramDmSync';
import type { InstagramMedia } from './instagramEntities';
import type { InstagramHttp } from './instagramHttp';
import type { InstagramBrand } from './normaliseInstagram';

/**
 * One account's sync state kept in memory between pages of a pass: media already listed and the
 * next conversations page's address. Neither is stored: losing them costs a call, never an item.
 */
export class InstagramSyncState {
  readonly media = new Map<string, InstagramMedia>();
  next: NextPage = null;
  recheck: SyncRequest['recheck'] = [];
}

/**
 * One page of a pass over both streams: the comments of the next few media, then the DMs a
 * conversations page at a time. A pass starts when none is under way; its marks (`comments`,
 * `dms`) move only when it ends, so a pass cut short replays from its stored progress.
 */
export async function syncInstagram(http: InstagramHttp, brand: InstagramBrand, state: InstagramSyncState, request: SyncRequest, now: number): Promise<SyncPage> {
  let comments = readCommentsPass(request.cursors[COMMENTS_PASS_CURSOR]);
  let dms = readDmsPass(request.cursors[DMS_PASS_CURSOR]);
  // The messages to read again come with a pass's first page only.
  if (request.recheck.length > 0) state.recheck = request.recheck;
  // When older media were checked, the time of that check (meta/followedParents.ts) goes with this page's cursors.
  const checked: Record<string, string> = {};
  if (comments === null && dms === null) {
    const planned = await planCommentsPass(http, { ...request, recheck: state.recheck }, state.media, now);
    comments = planned.pass;
    if (planned.isFollowedChecked) checked[FOLLOWED_CHECKED_AT] = String(now);
    dms = startDmsPass(request.cursors);
    state.next = null;
  }
  dms ??= startDmsPass(request.cursors);
  if (comments !== null && comments.todo.length > 0) {
    const batch = await readCommentsBatch(http, brand, comments, state.media, request, state.recheck, now);
    const { cursors } = commentsCursors(batch.pass, JSON.stringify(dms));
    return { ...batch, cursors: { ...cursors, ...checked }, hasMore: true, progress: progressOf(batch.pass) };
  }
  const batch = await readDmsBatch(http, brand, dms, state.next, request, state.recheck, now);
  state.next = batch.next;
  const cursors: Record<string, string | null> = batch.isDone ? { [DMS_CURSOR]: String(batch.pass.newest), [DMS_PASS_CURSOR]: null, ...checked } : { [DMS_PASS_CURSOR]: JSON.stringify(batch.pass), ...checked };
  if (comments !== null) Object.assign(cursors, commentsCursors(comments, null).cursors);
  if (batch.isDone) state.recheck = [];
  return { items: batch.items, updates: batch.updates, rejected: batch.rejected, cursors, hasMore: !batch.isDone, progress: batch.isDone ? 1 : null };
}

function commentsCursors(pass: CommentsPass, dmsPass: string | null): { cursors: Record<string, string | null> } {
  const cursors: Record<string, string | null> = pass.todo.length > 0 ? { [COMMENTS_PASS_CURSOR]: JSON.stringify(pass) } : { [COMMENTS_CURSOR]: commentsDone(pass), [COMMENTS_PASS_CURSOR]: null };
  if (dmsPass !== null) cursors[DMS_PASS_CURSOR] = dmsPass;
  return { cursors };
}

function progressOf(pass: CommentsPass): number | null {
  return pass.planned === 0 ? null : (pass.planned - pass.todo.length) / (pass.planned + 1);
}

import { z } from 'zod';
import { describeIssues } from '../../../../shared/api/describeIssues';
import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncPage } from '../connector';
import { postSchema, type GraphPost } from './facebookEntities';
import { graphTimeMs } from '../meta/graphTime';
import { COMMENT_FIELDS, PAGE_LIMIT, POST_FIELDS } from './facebookFields';
import { normaliseComment, type FacebookPage } from './facebookNormalise';
import { graphPages } from './graphPages';
import { unexpectedAnswer } from './graphHttp';
import { missingIds } from './facebookRecheck';
import { isPast, noteTaken, type HighWaterMark } from './highWaterMark';
import type { PageGraph } from './pageSession';

const followedSchema = z.record(z.string(), postSchema);

export type StreamRead = { items: unknown[]; updates: MessageUpdateInput[]; rejected: SyncPage['rejected'] };

/**
 * The Page's comments: its posts of the backfill window (`/{page-id}/feed` with `since`), and of
 * those, the ones active since the mark (a post's `updated_time` moves when someone comments on
 * it, per the Post reference), each read newest first (`filter=stream` gives replies too,
 * `order=reverse_chronological`) down to the mark. Posts read are kept in memory for their
 * comments' context; one missing after a restart is read again.
 */
export class CommentsStream {
  private readonly posts = new Map<string, GraphPost>();

  constructor(
    private readonly graph: PageGraph,
    private readonly page: FacebookPage,
  ) {}

  /** The posts with activity at or past the mark, newest first, and the mark this pass will leave. */
  async activePosts(mark: HighWaterMark, since: number, signal: AbortSignal): Promise<{ postIds: string[]; newest: number; rejected: SyncPage['rejected'] }> {
    const postIds: string[] = [];
    const rejected: SyncPage['rejected'] = [];
    let newest = mark.t;
    const call = { path: `/${encodeURIComponent(this.page.id)}/feed`, query: { fields: POST_FIELDS, since: String(Math.floor(since / 1000)), limit: PAGE_LIMIT }, signal, what: 'reading the Page’s posts' };
    for await (const list of graphPages(this.graph, call)) {
      for (const payload of list) {
        const post = postSchema.safeParse(payload);
        if (!post.success) {
          rejected.push({ payload, reason: `post: ${describeIssues(post.error)}` });
          continue;
        }
        const active = graphTimeMs(post.data.updated_time ?? post.data.created_time);
        if (active === null || active < mark.t) continue;
        this.posts.set(post.data.id, post.data);
        postIds.push(post.data.id);
        newest = Math.max(newest, active);
      }
    }
    return { postIds, newest, rejected };
  }

  /**
   * Of older posts still followed (meta/followedParents.ts), those active at or past the mark, in one
   * `GET /?ids=` request; posts Graph says are gone are dropped and the rest asked again.
   */
  async followedActive(postIds: readonly string[], mark: HighWaterMark, signal: AbortSignal): Promise<{ postIds: string[]; newest: number }> {
    const what = 'reading older posts still followed';
    let asked = [...postIds];
    while (asked.length > 0) {
      let body: unknown;
      try {
        body = await this.graph.call({ path: '/', query: { ids: asked.join(','), fields: POST_FIELDS }, signal, what });
      } catch (error) {
        const gone = missingIds(error, asked);
        if (gone.length === 0) throw error;
        asked = asked.filter((id) => !gone.includes(id));
        continue;
      }
      const posts = followedSchema.safeParse(body);
      if (!posts.success) throw unexpectedAnswer(what);
      const active = Object.values(posts.data).filter((post) => (graphTimeMs(post.updated_time ?? post.created_time) ?? 0) >= mark.t);
      for (const post of active) this.posts.set(post.id, post);
      return { postIds: active.map((post) => post.id), newest: Math.max(mark.t, ...active.map((post) => graphTimeMs(post.updated_time ?? post.created_time) ?? 0)) };
    }
    return { postIds: [], newest: mark.t };
  }

  /** One post's comments past the mark, oldest first; each taken one at the next mark's second joins its ids. */
  async read(postId: string, mark: HighWaterMark, next: HighWaterMark, signal: AbortSignal): Promise<StreamRead> {
    const post = this.posts.get(postId) ?? (await this.readPost(postId, signal));
    const read: StreamRead = { items: [], updates: [], rejected: [] };
    const call = { path: `/${encodeURIComponent(postId)}/comments`, query: { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: PAGE_LIMIT }, signal, what: 'reading a post’s comments' };
    pages: for await (const list of graphPages(this.graph, call)) {
      for (const payload of list) {
        const normalised = normaliseComment(payload, post, this.page);
        if (normalised.outcome === 'rejected') {
          read.rejected.push({ payload, reason: normalised.reason });
          continue;
        }
        if (normalised.createdAt < mark.t) break pages;
        if (!isPast(mark, normalised.createdAt, normalised.ref.id)) continue;
        read.items.push(normalised.item);
        read.updates.push(...normalised.updates);
        noteTaken(next, normalised.createdAt, normalised.ref.id);
      }
    }
    // Oldest first, and a comment before its replies of the same second: Graph's order within a second is its own.
    read.items.sort((a, b) => itemTime(a) - itemTime(b) || Number(isReply(a)) - Number(isReply(b)));
    return read;
  }

  private async readPost(postId: string, signal: AbortSignal): Promise<GraphPost> {
    const body = await this.graph.call({ path: `/${encodeURIComponent(postId)}`, query: { fields: POST_FIELDS }, signal, what: 'reading a post' });
    const post = postSchema.safeParse(body);
    if (!post.success) throw unexpectedAnswer('reading a post');
    this.posts.set(postId, post.data);
    return post.data;
  }
}

const itemTime = (item: unknown): number => (item as { createdAt: number }).createdAt;
const isReply = (item: unknown): boolean => (item as { parentExternalId?: string | null }).parentExternalId != null;

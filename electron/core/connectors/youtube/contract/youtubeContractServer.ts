import { consentAndRedirect, ContractServerBase, InjectedFailures, routeTable } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { AUTH_ERROR, BRAND_CHANNEL, channelListResource, commentResource, googleError, listResource, threadResource, type StoredComment, type StoredThread } from './youtubeResources';
import { seedThreads } from './youtubeSeed';
import { YoutubeTokenDesk } from './youtubeTokenDesk';

/**
 * A contract server for the YouTube Data API v3 and Google's OAuth 2.0 for installed apps, on
 * 127.0.0.1, following the reference as published at https://developers.google.com/youtube/v3/docs
 * (commentThreads.list, comments.list, comments.insert, comments.setModerationStatus,
 * comments.delete, channels.list; pages last updated 2024-04-26), its errors page
 * (/youtube/v3/docs/errors), the quota cost table (/youtube/v3/determine_quota_cost) and
 * https://developers.google.com/identity/protocols/oauth2/native-app for the consent page and the
 * token endpoint. One origin stands for www.googleapis.com, accounts.google.com and
 * oauth2.googleapis.com. A test tool: app code never imports it.
 */
export class YoutubeContractServer extends ContractServerBase {
  readonly failures = new InjectedFailures();
  readonly tokens = new YoutubeTokenDesk();
  /** Quota units the calls cost, as Google counts them (every answered call, refused ones too). */
  unitsUsed = 0;
  /** Authors banned with `banAuthor=true`. */
  readonly banned = new Set<string>();
  private threads: StoredThread[] = [];
  private made = 0;

  private constructor(private readonly now: () => number) {
    super();
  }

  static async start(options: { now?: () => number } = {}): Promise<YoutubeContractServer> {
    const contract = new YoutubeContractServer(options.now ?? Date.now);
    return contract.listen((request) => contract.answer(request));
  }

  /** Fills the channel with `count` comments ending at `newest` (see seedThreads). */
  seed(count: number, options: { newest?: number; spacingMs?: number; seed?: number } = {}): void {
    this.threads = [...seedThreads(count, { newest: options.newest ?? this.now(), brandChannelId: BRAND_CHANNEL.id, ...options }), ...this.threads].sort((a, b) => b.top.publishedAt - a.top.publishedAt);
  }

  /** A new comment by someone, as YouTube would show it: a thread of its own, or a reply in `threadId`. */
  addComment(fields: Partial<StoredComment> & { text: string; threadId?: string }): StoredComment {
    this.made += 1;
    const at = fields.publishedAt ?? this.now();
    const id = fields.threadId ? `${fields.threadId}.AzN${this.made}` : `UgxN${String(this.made).padStart(4, '0')}AaABAg`;
    const comment: StoredComment = {
      id,
      threadId: fields.threadId ?? id,
      videoId: fields.videoId ?? 'wtLJPvx7-ys',
      authorChannelId: fields.authorChannelId ?? 'UCfan0000000000000000001',
      authorDisplayName: fields.authorDisplayName ?? '@camilleroy',
      text: fields.text,
      publishedAt: at,
      updatedAt: fields.updatedAt ?? at,
      moderationStatus: fields.moderationStatus ?? 'published',
    };
    if (fields.threadId) this.thread(fields.threadId)!.replies.push(comment);
    else this.threads.unshift({ top: comment, replies: [], canReply: true });
    this.threads.sort((a, b) => b.top.publishedAt - a.top.publishedAt);
    return comment;
  }

  comment(id: string): StoredComment | undefined {
    for (const thread of this.threads) for (const comment of [thread.top, ...thread.replies]) if (comment.id === id) return comment;
    return undefined;
  }

  thread(id: string): StoredThread | undefined {
    return this.threads.find((thread) => thread.top.id === id);
  }

  /** Removes a comment as its author would (a top-level one takes its thread with it). */
  remove(id: string): void {
    this.threads = this.threads.filter((thread) => thread.top.id !== id);
    for (const thread of this.threads) thread.replies = thread.replies.filter((reply) => reply.id !== id);
  }

  /** Replies the platform took, the brand's comments.insert calls that succeeded. */
  repliesReceived(): StoredComment[] {
    return this.threads.flatMap((thread) => thread.replies).filter((reply) => reply.authorChannelId === BRAND_CHANNEL.id);
  }

  private answer(request: RecordedRequest): RecordedResponse | undefined {
    if (request.path.startsWith('/youtube/v3/')) {
      // Google charges every call it answers (https://developers.google.com/youtube/v3/determine_quota_cost): lists 1, writes 50.
      this.unitsUsed += request.method === 'GET' ? 1 : 50;
      if (!this.tokens.isValid(request.headers.authorization)) return AUTH_ERROR;
    }
    return this.failures.around(this.routes)(request);
  }

  private readonly routes = routeTable({
    'GET /o/oauth2/v2/auth': (request) => this.tokens.consent(request, consentAndRedirect),
    'POST /token': (request) => this.tokens.token(request),
    'GET /youtube/v3/channels': (request) => (request.query.get('mine') === 'true' ? { body: channelListResource() } : googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: id, mine, forHandle, forUsername, managedByMe.')),
    'GET /youtube/v3/commentThreads': (request) => this.listThreads(request),
    'GET /youtube/v3/comments': (request) => this.listComments(request),
    'POST /youtube/v3/comments': (request) => this.insert(request),
    'POST /youtube/v3/comments/setModerationStatus': (request) => this.setModerationStatus(request),
    'DELETE /youtube/v3/comments': (request) => this.delete(request),
  });

  private listThreads(request: RecordedRequest): RecordedResponse {
    const { query } = request;
    const filters = ['allThreadsRelatedToChannelId', 'id', 'videoId'].filter((name) => query.has(name));
    if (filters.length !== 1) return googleError(400, 'invalidFilters', 'The request specifies an invalid filter parameter.');
    const status = query.get('moderationStatus') ?? 'published';
    const ids = query.get('id')?.split(',');
    let threads = this.threads.filter((thread) => thread.top.moderationStatus === status || (ids !== undefined && thread.top.moderationStatus !== 'rejected'));
    if (ids) threads = threads.filter((thread) => ids.includes(thread.top.id));
    else if (query.get('allThreadsRelatedToChannelId') !== BRAND_CHANNEL.id) return googleError(404, 'channelNotFound', 'The channel identified by the allThreadsRelatedToChannelId parameter could not be found.');
    const textFormat = query.get('textFormat');
    return this.page(request, 'youtube#commentThreadListResponse', threads, (thread) => thread.top.id, (thread) => threadResource(thread, BRAND_CHANNEL.id, textFormat, thread.replies.filter((reply) => reply.moderationStatus === 'published')), 20);
  }

  private listComments(request: RecordedRequest): RecordedResponse {
    const { query } = request;
    const textFormat = query.get('textFormat');
    const ids = query.get('id')?.split(',');
    if (ids) {
      const found = ids.map((id) => this.comment(id)).filter((comment): comment is StoredComment => comment !== undefined && comment.moderationStatus !== 'rejected');
      return { body: listResource('youtube#commentListResponse', found.map((comment) => commentResource(comment, BRAND_CHANNEL.id, textFormat)), found.length, undefined) };
    }
    const thread = this.thread(query.get('parentId') ?? '');
    if (!thread) return googleError(404, 'commentNotFound', 'One or more of the comments that the request is trying to retrieve cannot be found.');
    const replies = thread.replies.filter((reply) => reply.moderationStatus === 'published');
    return this.page(request, 'youtube#commentListResponse', replies, (reply) => reply.id, (reply) => commentResource(reply, BRAND_CHANNEL.id, textFormat), 20);
  }

  /**
   * One page of a list, `maxResults` (1 to 100, default 20) long; `nextPageToken` is opaque (it
   * names the last item given, so that comments added meanwhile do not shift the next page). A
   * token that names nothing any more is `invalidPageToken`, as Google answers.
   */
  private page<T>(request: RecordedRequest, kind: string, all: T[], idOf: (item: T) => string, resource: (item: T) => unknown, byDefault: number): RecordedResponse {
    const size = Number(request.query.get('maxResults') ?? byDefault);
    if (!Number.isInteger(size) || size < 1 || size > 100) return googleError(400, 'invalidParameter', 'Invalid value for maxResults.');
    const token = request.query.get('pageToken');
    let start = 0;
    if (token !== null) {
      const after = Buffer.from(token, 'base64url').toString('utf8');
      const index = all.findIndex((item) => idOf(item) === after);
      if (!after || index < 0) return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.');
      start = index + 1;
    }
    const items = all.slice(start, start + size);
    const next = start + size < all.length ? Buffer.from(idOf(items.at(-1)!)).toString('base64url') : undefined;
    return { body: listResource(kind, items.map(resource), all.length, next) };
  }

  private insert(request: RecordedRequest): RecordedResponse {
    const snippet = (request.body as { snippet?: { parentId?: unknown; textOriginal?: unknown } } | null)?.snippet;
    if (typeof snippet?.parentId !== 'string') return googleError(400, 'parentIdMissing', 'The comment you are inserting must be linked to a parent comment.');
    if (typeof snippet.textOriginal !== 'string' || snippet.textOriginal.trim() === '') return googleError(400, 'commentTextRequired', 'The comment resource that is being inserted must specify a value for the snippet.textOriginal property.');
    if (snippet.textOriginal.length > 10_000) return googleError(400, 'commentTextTooLong', 'The comment resource that is being inserted contains too many characters in the snippet.textOriginal property.');
    const thread = this.thread(snippet.parentId);
    if (!thread) return googleError(404, 'parentCommentNotFound', 'The specified parent comment could not be found.');
    if (!thread.canReply) return googleError(400, 'operationNotSupported', 'The API user is not able to insert a comment in reply to the top-level comment identified by the snippet.parentId property.');
    const reply = this.addComment({ text: snippet.textOriginal, threadId: thread.top.id, videoId: thread.top.videoId, authorChannelId: BRAND_CHANNEL.id, authorDisplayName: BRAND_CHANNEL.customUrl });
    return { body: commentResource(reply, BRAND_CHANNEL.id, null) };
  }

  private setModerationStatus(request: RecordedRequest): RecordedResponse {
    const status = request.query.get('moderationStatus');
    if (status !== 'heldForReview' && status !== 'published' && status !== 'rejected') return googleError(400, 'invalidModerationStatus', 'The moderationStatus parameter is not valid.');
    if (request.query.get('banAuthor') === 'true' && status !== 'rejected') return googleError(400, 'banWithoutReject', 'The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.');
    const comments = (request.query.get('id') ?? '').split(',').map((id) => this.comment(id));
    if (comments.some((comment) => comment === undefined)) return googleError(404, 'commentNotFound', 'One or more comments that the request is trying to update cannot be found.');
    for (const comment of comments as StoredComment[]) {
      if (comment.moderationStatus === 'rejected' && status === 'published') return googleError(400, 'operationNotSupported', 'You cannot change the moderation status of a rejected comment to published.');
      comment.moderationStatus = status;
      if (request.query.get('banAuthor') === 'true') this.banned.add(comment.authorChannelId);
    }
    return { status: 204, body: '' };
  }

  private delete(request: RecordedRequest): RecordedResponse {
    const comment = this.comment(request.query.get('id') ?? '');
    if (!comment) return googleError(404, 'commentNotFound', 'The comment identified by the id parameter could not be found.');
    if (comment.authorChannelId !== BRAND_CHANNEL.id) return googleError(403, 'forbidden', 'The comment could not be deleted because of insufficient permissions.');
    this.remove(comment.id);
    return { status: 204, body: '' };
  }
}

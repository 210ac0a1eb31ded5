/**
 * A Facebook Graph API contract server on 127.0.0.1, for the connector's tests, the harness and the
 * bench (never imported by app code). It follows Meta's Graph API reference for version v26.0
 * (developers.facebook.com/docs/graph-api, pages read December 2026): Page feed
 * (`/reference/page/feed`, `since`), object comments (`/reference/object/comments`, `filter=stream`,
 * `order=reverse_chronological`), Comment (`is_hidden`, DELETE), Page blocked
 * (`/reference/page/blocked`), Page conversations (`/reference/page/conversations`, no time filter)
 * and conversation messages (latest messages only), the Messenger Send API
 * (`/messenger-platform/reference/send-api`, RESPONSE within 24 hours, MESSAGE_TAG HUMAN_AGENT
 * within 7 days, else `(#10)`/2018278; Private Replies, `/messenger-platform/discovery/private-replies`:
 * `recipient: { comment_id }`, once per comment, within 7 days), cursor paging (`/graph-api/results`), error bodies and
 * codes (`/graph-api/guides/error-handling`: 190/463 expired, 190/460 invalidated, 100/33 missing
 * object, 32 Page rate limit with `X-Business-Use-Case-Usage`), and Facebook Login's manual flow
 * (`/facebook-login/guides/advanced/manual-flow`: `dialog/oauth`, `oauth/access_token` for the
 * code and for `fb_exchange_token`). Its request log is the platform's received log.
 */
import { consentAndRedirect, ContractServerBase, InjectedFailures, routeTable, type ContractHandler } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { GRAPH_VERSION } from '../graphVersion';
import { commentBody, expiredToken, graphErrorAnswer, listPage, messageBody, missingObject, postBody, revokedToken } from './graphAnswers';
import { graphTime, seedContent, type Person, type StoredComment, type StoredConversation, type StoredPost } from './graphContractState';

export type FacebookContractOptions = { pageId?: string; pageName?: string; appId?: string; appSecret?: string; now?: () => number; tasks?: string[] };

const DAY_MS = 86_400_000;
const V = `/${GRAPH_VERSION}`;

export class FacebookContractServer extends ContractServerBase {
  readonly failures = new InjectedFailures();
  readonly page: Person;
  readonly app: { clientId: string; clientSecret: string };
  posts: StoredPost[] = [];
  comments: StoredComment[] = [];
  conversations: StoredConversation[] = [];
  readonly blocked = new Set<string>();
  /** The Page's comment replies taken through the API, in the order it took them. */
  readonly replies: StoredComment[] = [];
  /** The tokens Graph takes now; a test expires or revokes them. */
  pageToken = 'page-token-1';
  userToken = 'long-lived-user-token';
  readonly tasks: string[];
  private readonly now: () => number;
  private serial = 0;

  private constructor(options: FacebookContractOptions) {
    super();
    this.page = { id: options.pageId ?? '104857600123', name: options.pageName ?? 'Brûlerie du Quartier' };
    this.app = { clientId: options.appId ?? '1234567890', clientSecret: options.appSecret ?? 'app-secret' };
    this.now = options.now ?? Date.now;
    this.tasks = options.tasks ?? ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MESSAGING', 'MANAGE'];
  }

  static async start(options: FacebookContractOptions = {}): Promise<FacebookContractServer> {
    const contract = new FacebookContractServer(options);
    const route = contract.failures.around(contract.routes());
    return contract.listen((request) => contract.withUsage(route(request)));
  }

  /** Fills the Page with `count` realistic items over the `spanMs` before now (see seedContent). */
  seed(count: number, options: { spanMs?: number; seed?: number } = {}): void {
    const content = seedContent(count, { pageId: this.page.id, pageName: this.page.name, now: this.now(), spanMs: options.spanMs ?? 3 * DAY_MS, seed: options.seed ?? 1 });
    this.posts.push(...content.posts);
    this.comments.push(...content.comments);
    this.conversations.push(...content.conversations);
  }

  /** A comment someone writes now (or at `at`): its post's `updated_time` moves, as Graph's does. */
  comment(postId: string, message: string, options: { from?: Person; parentId?: string; at?: number } = {}): StoredComment {
    const post = this.posts.find((candidate) => candidate.id === postId);
    if (!post) throw new Error(`No post ${postId}`);
    const createdAt = options.at ?? this.now();
    const stored: StoredComment = { id: `${postId.split('_')[1]}_${5_000_000 + ++this.serial}`, postId, parentId: options.parentId ?? null, from: options.from ?? { id: '7300000001', name: 'Gabriel Pelletier' }, message, createdAt, isHidden: false };
    this.comments.push(stored);
    post.updatedAt = Math.max(post.updatedAt, createdAt);
    return stored;
  }

  /** A Messenger message from the person of a conversation (or from the Page). */
  message(conversationId: string, message: string, options: { fromPage?: boolean; at?: number } = {}): void {
    const conversation = this.conversations.find((candidate) => candidate.id === conversationId);
    if (!conversation) throw new Error(`No conversation ${conversationId}`);
    const [from, to] = options.fromPage === true ? [this.page, conversation.person] : [conversation.person, this.page];
    conversation.messages.push({ id: `m_new_${++this.serial}`, from, to, message, createdAt: options.at ?? this.now() });
  }

  /** Meta's usage header on every answer, counting this server's calls against a 200-call hour. */
  private withUsage(answer: RecordedResponse | undefined): RecordedResponse | undefined {
    const callCount = Math.min(100, Math.round((this.requests.length / 200) * 100));
    return answer && { ...answer, headers: { 'x-app-usage': JSON.stringify({ call_count: callCount, total_cputime: 1, total_time: 1 }), ...answer.headers } };
  }

  private routes() {
    const handlers: Record<string, ContractHandler> = {
      [`GET ${V}/dialog/oauth`]: (request) => (request.query.get('client_id') === this.app.clientId ? consentAndRedirect(request, 'consent-code') : graphErrorAnswer(400, 101, 'Error validating application. Invalid application ID.')),
      [`GET ${V}/oauth/access_token`]: (request) => this.tokenEndpoint(request.query),
      [`POST ${V}/oauth/access_token`]: (request) => this.tokenEndpoint(new URLSearchParams(request.body as Record<string, string>)),
      [`GET ${V}/me/accounts`]: (request) => this.asUser(request, () => listPage(request, this.url, [{ id: this.page.id, name: this.page.name, access_token: this.pageToken, category: 'Coffee shop', tasks: this.tasks }])),
      [`GET ${V}/me`]: (request) => this.asPage(request, () => ({ body: this.page })),
      [`GET ${V}/:pageId/feed`]: (request) => this.asPage(request, () => this.feed(request)),
      [`GET ${V}/:pageId/conversations`]: (request) => this.asPage(request, () => this.conversationList(request)),
      [`POST ${V}/:pageId/messages`]: (request) => this.asPage(request, () => this.send(request)),
      [`POST ${V}/:pageId/blocked`]: (request) => this.asPage(request, () => this.block(request.body as Record<string, string>)),
      [`DELETE ${V}/:pageId/blocked`]: (request) => this.asPage(request, () => this.unblock(request.query)),
      [`GET ${V}/:id/comments`]: (request, { id }) => this.asPage(request, () => this.commentList(request, id!)),
      [`POST ${V}/:id/comments`]: (request, { id }) => this.asPage(request, () => this.reply(id!, (request.body as { message?: unknown } | null)?.message)),
      [`GET ${V}/:id/messages`]: (request, { id }) => this.asPage(request, () => this.messageList(request, id!)),
      [`GET ${V}/`]: (request) => this.asPage(request, () => this.byIds(request.query.get('ids') ?? '')),
      [`GET ${V}/:id`]: (request, { id }) => this.node(request, id!),
      [`POST ${V}/:id`]: (request, { id }) => this.asPage(request, () => this.setHidden(id!, (request.body as { is_hidden?: unknown } | null)?.is_hidden)),
      [`DELETE ${V}/:id`]: (request, { id }) => this.asPage(request, () => this.remove(id!)),
    };
    return routeTable(handlers);
  }

  private token(request: RecordedRequest): string | null {
    return /^Bearer (.+)$/u.exec(String(request.headers.authorization ?? ''))?.[1] ?? request.query.get('access_token');
  }

  private asPage(request: RecordedRequest, answer: () => RecordedResponse): RecordedResponse {
    const token = this.token(request);
    if (token === null) return graphErrorAnswer(400, 104, 'An access token is required to request this resource.');
    return token === this.pageToken ? answer() : expiredToken();
  }

  private asUser(request: RecordedRequest, answer: () => RecordedResponse): RecordedResponse {
    return this.token(request) === this.userToken ? answer() : revokedToken();
  }

  private tokenEndpoint(query: URLSearchParams): RecordedResponse {
    if (query.get('client_id') !== this.app.clientId || query.get('client_secret') !== this.app.clientSecret) return graphErrorAnswer(400, 1, 'Error validating client secret.');
    if (query.get('grant_type') === 'fb_exchange_token') {
      return query.get('fb_exchange_token') === 'short-lived-user-token' ? { body: { access_token: this.userToken, token_type: 'bearer', expires_in: 5_183_944 } } : revokedToken();
    }
    // Meta has no refresh tokens: a refresh_token grant is an unknown parameter to it.
    if (query.get('grant_type') === 'refresh_token') return graphErrorAnswer(400, 100, 'Invalid parameter: grant_type refresh_token is not supported.');
    if (query.get('code') !== 'consent-code') return graphErrorAnswer(400, 100, 'Invalid verification code format.', 36_007);
    if (!query.get('redirect_uri')?.startsWith('http://127.0.0.1:')) return graphErrorAnswer(400, 100, 'Can’t load URL: The domain of this URL isn’t included in the app’s domains.');
    return { body: { access_token: 'short-lived-user-token', token_type: 'bearer', expires_in: 5_400 } };
  }

  private feed(request: RecordedRequest): RecordedResponse {
    const since = Number(request.query.get('since') ?? 0) * 1000;
    const posts = this.posts.filter((post) => post.createdAt >= since).sort((a, b) => b.createdAt - a.createdAt);
    return listPage(request, this.url, posts.map(postBody));
  }

  private commentList(request: RecordedRequest, id: string): RecordedResponse {
    const isStream = request.query.get('filter') === 'stream';
    const onComment = this.comments.some((comment) => comment.id === id);
    if (!onComment && !this.posts.some((post) => post.id === id)) return missingObject(id);
    const list = this.comments.filter((comment) => (onComment ? comment.parentId === id : comment.postId === id && (isStream || comment.parentId === null)));
    const newestFirst = request.query.get('order') === 'reverse_chronological';
    const sorted = [...list].sort((a, b) => (newestFirst ? b.createdAt - a.createdAt : a.createdAt - b.createdAt));
    return listPage(request, this.url, sorted.map(commentBody));
  }

  private reply(id: string, message: unknown): RecordedResponse {
    if (typeof message !== 'string' || message === '') return graphErrorAnswer(400, 100, '(#100) The parameter message is required');
    const parent = this.comments.find((comment) => comment.id === id);
    const postId = parent?.postId ?? this.posts.find((post) => post.id === id)?.id;
    if (postId === undefined) return missingObject(id);
    const reply = this.comment(postId, message, { from: this.page, ...(parent ? { parentId: parent.parentId ?? parent.id } : {}) });
    this.replies.push(reply);
    return { body: { id: reply.id } };
  }

  private conversationList(request: RecordedRequest): RecordedResponse {
    if (request.query.get('platform') !== 'messenger') return graphErrorAnswer(400, 100, '(#100) The platform parameter is required.');
    const updated = (conversation: StoredConversation) => conversation.messages.at(-1)?.createdAt ?? 0;
    const sorted = [...this.conversations].sort((a, b) => updated(b) - updated(a));
    return listPage(request, this.url, sorted.map((conversation) => ({ id: conversation.id, updated_time: graphTime(updated(conversation)), link: `/${this.page.id}/inbox/${conversation.id}` })));
  }

  private messageList(request: RecordedRequest, id: string): RecordedResponse {
    const conversation = this.conversations.find((candidate) => candidate.id === id);
    if (!conversation) return missingObject(id);
    // Only the latest 20 messages of a conversation are readable in detail.
    return listPage(request, this.url, conversation.messages.slice(-20).reverse().map(messageBody));
  }

  private send(request: RecordedRequest): RecordedResponse {
    const body = request.body as { recipient?: { id?: unknown; comment_id?: unknown }; messaging_type?: unknown; tag?: unknown; message?: { text?: unknown } } | null;
    if (typeof body?.recipient?.comment_id === 'string') return this.privateReply(body.recipient.comment_id, body.message?.text);
    const conversation = this.conversations.find((candidate) => candidate.person.id === body?.recipient?.id);
    if (!conversation || typeof body?.message?.text !== 'string') return graphErrorAnswer(400, 100, '(#100) No matching user found', 2_018_001);
    const lastInbound = conversation.messages.filter((message) => message.from.id !== this.page.id).at(-1)?.createdAt ?? 0;
    const since = this.now() - lastInbound;
    const isAllowed = body.messaging_type === 'RESPONSE' ? since <= DAY_MS : body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT' && since <= 7 * DAY_MS;
    if (!isAllowed) return graphErrorAnswer(400, 10, '(#10) This message is sent outside of allowed window.', 2_018_278);
    this.message(conversation.id, body.message.text, { fromPage: true });
    return { body: { recipient_id: conversation.person.id, message_id: conversation.messages.at(-1)!.id } };
  }

  /**
   * Private Replies (`/messenger-platform/discovery/private-replies`): one message to the comment's
   * author, within 7 days of the comment, into their Messenger conversation with the Page. The
   * reference names no error of its own for a second or a late one: answered as the Send API's
   * window refusal, `(#10)`/2018278 (an assumption, docs/platforms/facebook.md).
   */
  private privateReply(commentId: string, text: unknown): RecordedResponse {
    const comment = this.comments.find((candidate) => candidate.id === commentId);
    if (!comment) return missingObject(commentId);
    if (typeof text !== 'string' || text === '') return graphErrorAnswer(400, 100, '(#100) The parameter message is required');
    if (comment.privateReplyConversation !== undefined || this.now() - comment.createdAt > 7 * DAY_MS) {
      return graphErrorAnswer(400, 10, '(#10) This message is sent outside of allowed window.', 2_018_278);
    }
    let conversation = this.conversations.find((candidate) => candidate.person.id === comment.from.id);
    if (!conversation) {
      conversation = { id: `t_${9_000_000 + ++this.serial}`, person: comment.from, messages: [] };
      this.conversations.push(conversation);
    }
    this.message(conversation.id, text, { fromPage: true });
    comment.privateReplyConversation = conversation.id;
    return { body: { recipient_id: comment.from.id, message_id: conversation.messages.at(-1)!.id } };
  }

  /** The Page's private replies: each comment answered in Messenger, with the words sent. */
  privateRepliesReceived(): { commentId: string; text: string }[] {
    return this.comments.flatMap((comment) => {
      const conversation = this.conversations.find((candidate) => candidate.id === comment.privateReplyConversation);
      return conversation ? conversation.messages.filter((message) => message.from.id === this.page.id).map((message) => ({ commentId: comment.id, text: message.message })) : [];
    });
  }

  private byIds(ids: string): RecordedResponse {
    const wanted = ids.split(',').filter((id) => id !== '');
    // Comments and posts alike (a node is a node); Graph refuses the whole request when one is gone, naming it.
    const bodyOf = (id: string) => {
      const comment = this.comments.find((candidate) => candidate.id === id);
      const post = this.posts.find((candidate) => candidate.id === id);
      return comment ? commentBody(comment) : post ? postBody(post) : null;
    };
    const missing = wanted.filter((id) => bodyOf(id) === null);
    if (missing.length > 0) return graphErrorAnswer(404, 100, `(#803) Some of the aliases you requested do not exist: ${missing.join(',')}`);
    return { body: Object.fromEntries(wanted.map((id) => [id, bodyOf(id)])) };
  }

  private node(request: RecordedRequest, id: string): RecordedResponse {
    if (id === this.page.id && request.query.get('fields') === 'access_token') return this.asUser(request, () => ({ body: { id, access_token: this.pageToken } }));
    return this.asPage(request, () => {
      const post = this.posts.find((candidate) => candidate.id === id);
      if (post) return { body: postBody(post) };
      const comment = this.comments.find((candidate) => candidate.id === id);
      return comment ? { body: commentBody(comment) } : missingObject(id);
    });
  }

  private setHidden(id: string, isHidden: unknown): RecordedResponse {
    const comment = this.comments.find((candidate) => candidate.id === id);
    if (!comment) return missingObject(id);
    if (typeof isHidden !== 'boolean') return graphErrorAnswer(400, 100, '(#100) Param is_hidden must be a boolean');
    comment.isHidden = isHidden;
    return { body: { success: true } };
  }

  private remove(id: string): RecordedResponse {
    const before = this.comments.length;
    this.comments = this.comments.filter((comment) => comment.id !== id && comment.parentId !== id);
    return before === this.comments.length ? missingObject(id) : { body: { success: true } };
  }

  private block(body: Record<string, string> | null): RecordedResponse {
    const id = body?.user ?? body?.psid ?? body?.uid ?? body?.asid;
    if (id === undefined) return graphErrorAnswer(400, 100, '(#100) One of user, uid, asid or psid is required');
    this.blocked.add(id);
    return { body: { [id]: true } };
  }

  private unblock(query: URLSearchParams): RecordedResponse {
    const id = query.get('user') ?? query.get('psid') ?? query.get('uid') ?? query.get('asid');
    if (id === null) return graphErrorAnswer(400, 100, '(#100) One of user, uid, asid or psid is required');
    this.blocked.delete(id);
    return { body: { success: true } };
  }
}

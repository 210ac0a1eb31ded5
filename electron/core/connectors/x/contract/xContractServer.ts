import { X_REDIRECT_URI } from '../xOAuthProvider';
import { ContractServerBase, InjectedFailures, routeTable, type ContractHandler } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { BRAND_USER, oneToOne, SEEDED_AUTHORS, seedDms, seedMentions, snowflake, type ContractDmEvent, type ContractPost, type ContractUser } from './xContractData';
import { XContractOAuth } from './xContractOAuth';
import { listAnswer, pageOf } from './xContractPages';

/**
 * X API v2 on 127.0.0.1, for the X connector's tests and the bench. Follows docs.x.com as
 * published in xdevplatform/docs at 2871328 (2026-08-22; openapi.json v2.167): the mentions
 * timeline (`since_id`, `start_time`, `pagination_token`, `max_results` 5–100, at most the 800
 * newest), DM events (newest first, 30 days, 15 requests per 15 minutes), `POST /2/tweets`
 * replies (refused with X's 403 unless the author summoned the account), DMs to a conversation,
 * hidden replies, mutes, deleting one's own post, `GET /2/users/me`, `x-rate-limit-*` headers
 * on every answer, 429s, RFC 7807 problem bodies, 401 for an expired token, and the OAuth
 * consent page and token endpoint (xContractOAuth.ts). Its request log is "what X received".
 * A test tool: never imported by the app.
 */
export type XContractOptions = {
  now?: () => number;
  clientId?: string;
  redirectUri?: string;
  accessTtlMs?: number;
  mentionsCap?: number;
  /** Per-endpoint limits over X's own (the bench lifts them: it reads thousands of mentions several times over). */
  limits?: Readonly<Record<string, number>>;
};

const WINDOW_MS = 15 * 60_000;
/** Per-user limits per 15 minutes (docs.x.com/x-api/fundamentals/rate-limits). */
const LIMITS: Readonly<Record<string, number>> = { lookup: 5000, mentions: 300, dm_events: 15, create_post: 100, create_dm: 15, hidden: 50, muting: 50, delete: 50, me: 75, user_posts: 900 };
/** "Up to 800 of the most recent mentions" (GET /2/users/:id/mentions). */
const MENTIONS_CAP = 800;
const DM_DAYS_MS = 30 * 86_400_000;

export class XContractServer extends ContractServerBase {
  readonly users = new Map<string, ContractUser>([BRAND_USER, ...SEEDED_AUTHORS].map((user) => [user.id, user]));
  readonly posts: ContractPost[] = [];
  readonly dmEvents: ContractDmEvent[] = [];
  readonly hidden = new Map<string, boolean>();
  readonly muted = new Set<string>();
  readonly failures = new InjectedFailures();
  readonly oauth: XContractOAuth;
  private readonly windows = new Map<string, { start: number; used: number }>();
  /** Requests X carries out whose answer never arrives (a 503 instead): the post is made, the caller cannot know it. */
  private readonly lostAnswers: ((request: RecordedRequest) => boolean)[] = [];
  private sequence = 0;

  private constructor(
    private readonly options: Required<XContractOptions>,
    oauth: XContractOAuth,
  ) {
    super();
    this.oauth = oauth;
  }

  static async start(options: XContractOptions = {}): Promise<XContractServer> {
    const full: Required<XContractOptions> = { now: Date.now, clientId: 'pieuvre-test-client', redirectUri: X_REDIRECT_URI, accessTtlMs: 7_200_000, mentionsCap: MENTIONS_CAP, limits: {}, ...options };
    const oauth = new XContractOAuth({ clientId: full.clientId, redirectUri: full.redirectUri, userId: BRAND_USER.id, now: full.now, accessTtlMs: full.accessTtlMs });
    const contract = new XContractServer(full, oauth);
    return contract.listen((request) => contract.answer(request));
  }

  /** `count` mentions, newest a minute ago, one a minute apart, and a DM for every tenth (French and English, some hostile, some with links). */
  seed(count: number, options: { newest?: number; spacingMs?: number } = {}): void {
    const newest = options.newest ?? this.options.now() - 60_000;
    const spacing = options.spacingMs ?? 60_000;
    const { posts, users } = seedMentions(count, newest, spacing);
    for (const user of users) this.users.set(user.id, user);
    this.posts.push(...posts);
    this.dmEvents.push(...seedDms(Math.ceil(count / 10), newest, spacing * 10));
  }

  addPost(post: ContractPost): ContractPost {
    this.posts.push(post);
    return post;
  }

  addDm(from: ContractUser, text: string, at = this.options.now()): ContractDmEvent {
    this.users.set(from.id, from);
    const event: ContractDmEvent = { id: this.nextId(at), event_type: 'MessageCreate', text, sender_id: from.id, dm_conversation_id: oneToOne(from.id, BRAND_USER.id), created_at: new Date(at).toISOString() };
    this.dmEvents.push(event);
    return event;
  }

  /** The brand's replies X took: posts by the brand answering another. */
  repliesReceived(): ContractPost[] {
    return this.posts.filter((post) => post.author_id === BRAND_USER.id && post.referenced_tweets?.some((reference) => reference.type === 'replied_to'));
  }

  private nextId(at: number): string {
    return snowflake(at, 3000 + (this.sequence++ % 1000));
  }

  /** The next request `matches` takes is carried out, but its answer is lost on the way back. */
  loseNextAnswer(matches: (request: RecordedRequest) => boolean): void {
    this.lostAnswers.push(matches);
  }

  private answer(request: RecordedRequest): RecordedResponse | undefined {
    const response = this.failures.around(this.routes)(request);
    const lost = this.lostAnswers.findIndex((matches) => matches(request));
    if (lost < 0) return response;
    this.lostAnswers.splice(lost, 1);
    return { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } };
  }

  private readonly routes = routeTable({
    'GET /i/oauth2/authorize': (request) => this.oauth.authorize(request),
    'POST /2/oauth2/token': (request) => this.oauth.token(request),
    'GET /2/users/me': this.api('me', () => ({ body: { data: this.users.get(BRAND_USER.id) } })),
    'GET /2/users/:id/mentions': this.api('mentions', (request, { id }) => this.mentions(request, id!)),
    'GET /2/tweets': this.api('lookup', (request) => this.lookup(request)),
    'GET /2/users/:id/tweets': this.api('user_posts', (request, { id }) => listAnswer(request, this.posts.filter((post) => post.author_id === id), this.users, { max: 100, min: 5 })),
    'GET /2/dm_events': this.api('dm_events', (request) => this.dms(request, () => true)),
    'GET /2/dm_conversations/:id/dm_events': this.api('dm_events', (request, { id }) => this.dms(request, (event) => event.dm_conversation_id === id)),
    'POST /2/tweets': this.api('create_post', (request) => this.createPost(request)),
    'POST /2/dm_conversations/:id/messages': this.api('create_dm', (request, { id }) => this.createDm(request, id!)),
    'POST /2/dm_conversations/with/:participant/messages': this.api('create_dm', (request, { participant }) => this.createDm(request, oneToOne(participant!, BRAND_USER.id))),
    'PUT /2/tweets/:id/hidden': this.api('hidden', (request, { id }) => this.hide(request, id!)),
    'POST /2/users/:id/muting': this.api('muting', (request, { id }) => this.mute(request, id!)),
    'DELETE /2/users/:id/muting/:target': this.api('muting', (_request, { id, target }) => (id !== BRAND_USER.id ? forbidden() : (this.muted.delete(target!), { body: { data: { muting: false } } }))),
    'DELETE /2/tweets/:id': this.api('delete', (_request, { id }) => this.deletePost(id!)),
  });

  /** An API route: the bearer token checked (401 as X sends it), the rate-limit window counted and its headers set. */
  private api(limit: string, handler: ContractHandler): ContractHandler {
    return (request, params) => {
      const token = /^Bearer (.+)$/u.exec(String(request.headers.authorization ?? ''))?.[1];
      const issued = token === undefined ? undefined : this.oauth.tokens.get(token);
      if (!issued || issued.expiresAt <= this.options.now()) return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
      const now = this.options.now();
      const window = this.windows.get(limit);
      const current = window && now - window.start < WINDOW_MS ? window : { start: now, used: 0 };
      this.windows.set(limit, current);
      const max = this.options.limits[limit] ?? LIMITS[limit] ?? 900;
      const headers = { 'x-rate-limit-limit': String(max), 'x-rate-limit-remaining': String(Math.max(0, max - current.used - 1)), 'x-rate-limit-reset': String(Math.ceil((current.start + WINDOW_MS) / 1000)) };
      if (current.used >= max) return { status: 429, headers: { ...headers, 'x-rate-limit-remaining': '0' }, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 } };
      current.used += 1;
      const answer = handler(request, params) ?? { status: 404 };
      return { ...answer, headers: { ...headers, ...answer.headers } };
    };
  }

  private mentions(request: RecordedRequest, userId: string): RecordedResponse {
    if (userId !== BRAND_USER.id) return forbidden();
    const newestFirst = this.posts.filter((post) => post.author_id !== userId && post.entities?.mentions?.some((mention) => mention.id === userId)).sort(byNewest).slice(0, this.options.mentionsCap);
    return listAnswer(request, newestFirst, this.users, { max: 100, min: 5, posts: this.posts });
  }

  /** Posts by id: what exists in `data`, each missing one as a `resource-not-found` problem in `errors` (a partial answer, still a 200). */
  private lookup(request: RecordedRequest): RecordedResponse {
    const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
    if (ids.length === 0 || ids.length > 100) return problem(400, 'https://api.x.com/2/problems/invalid-request', 'Invalid Request', 'The `ids` query parameter must hold 1 to 100 ids.');
    const found = ids.flatMap((id) => this.posts.filter((post) => post.id === id));
    const missing = ids.filter((id) => !found.some((post) => post.id === id));
    const errors = missing.map((id) => ({ value: id, detail: `Could not find tweet with ids: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: id, type: 'https://api.x.com/2/problems/resource-not-found' }));
    return { body: { ...(found.length > 0 ? { data: found } : {}), ...(errors.length > 0 ? { errors } : {}) } };
  }

  private dms(request: RecordedRequest, keep: (event: ContractDmEvent) => boolean): RecordedResponse {
    const since = this.options.now() - DM_DAYS_MS;
    const events = this.dmEvents.filter((event) => keep(event) && Date.parse(event.created_at) >= since).sort(byNewest);
    const page = pageOf(request, events, { max: 100, min: 1 });
    if ('refused' in page) return page.refused;
    const senders = [...new Set(page.items.map((event) => event.sender_id))].flatMap((id) => (this.users.has(id) ? [this.users.get(id)!] : []));
    return { body: { data: page.items, ...(senders.length > 0 ? { includes: { users: senders } } : {}), meta: { result_count: page.items.length, ...(page.next ? { next_token: page.next } : {}) } } };
  }

  private createPost(request: RecordedRequest): RecordedResponse {
    const body = request.body as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | null;
    if (typeof body?.text !== 'string' || body.text.length === 0) return invalidRequest('text', 'The `text` field is required.');
    const target = this.posts.find((post) => post.id === body.reply?.in_reply_to_tweet_id);
    if (body.reply && !target) return invalidRequest('reply.in_reply_to_tweet_id', 'The post you are replying to does not exist or is not visible.');
    if (target && !summons(target, this.posts)) {
      return { status: 403, body: { detail: 'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.', type: 'about:blank', title: 'Forbidden', status: 403 } };
    }
    const id = this.nextId(this.options.now());
    const post: ContractPost = { id, text: target ? `@${this.users.get(target.author_id)?.username ?? 'i'} ${body.text}` : body.text, author_id: BRAND_USER.id, created_at: new Date(this.options.now()).toISOString(), conversation_id: target?.conversation_id ?? id, lang: 'fr', edit_history_tweet_ids: [id] };
    if (target) Object.assign(post, { in_reply_to_user_id: target.author_id, referenced_tweets: [{ type: 'replied_to', id: target.id }] });
    this.posts.push(post);
    return { status: 201, body: { data: { id, text: post.text, edit_history_tweet_ids: [id] } } };
  }

  private createDm(request: RecordedRequest, conversationId: string): RecordedResponse {
    const text = (request.body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string' || text.length === 0) return invalidRequest('text', 'At least one of `text`, `attachments` is required.');
    if (!conversationId.split('-').includes(BRAND_USER.id)) return forbidden('You cannot send a message to this conversation.');
    const event: ContractDmEvent = { id: this.nextId(this.options.now()), event_type: 'MessageCreate', text, sender_id: BRAND_USER.id, dm_conversation_id: conversationId, created_at: new Date(this.options.now()).toISOString() };
    this.dmEvents.push(event);
    return { status: 201, body: { data: { dm_conversation_id: conversationId, dm_event_id: event.id } } };
  }

  private hide(request: RecordedRequest, id: string): RecordedResponse {
    const hidden = (request.body as { hidden?: unknown } | null)?.hidden;
    if (typeof hidden !== 'boolean') return invalidRequest('hidden', 'The `hidden` field is required.');
    const post = this.posts.find((candidate) => candidate.id === id);
    if (!post) return notFound(id);
    const root = this.posts.find((candidate) => candidate.id === post.conversation_id);
    if (post.id === post.conversation_id || root?.author_id !== BRAND_USER.id) return forbidden('You can only hide or unhide replies to conversations you authored.');
    this.hidden.set(id, hidden);
    return { body: { data: { hidden } } };
  }

  private mute(request: RecordedRequest, id: string): RecordedResponse {
    const target = (request.body as { target_user_id?: unknown } | null)?.target_user_id;
    if (id !== BRAND_USER.id) return forbidden();
    if (typeof target !== 'string' || !/^[0-9]{1,19}$/u.test(target)) return invalidRequest('target_user_id', 'The `target_user_id` field must be a user id.');
    this.muted.add(target);
    return { body: { data: { muting: true } } };
  }

  private deletePost(id: string): RecordedResponse {
    const index = this.posts.findIndex((post) => post.id === id);
    if (index < 0) return notFound(id);
    if (this.posts[index]!.author_id !== BRAND_USER.id) return forbidden('You are not allowed to delete a Post that is not yours.');
    this.posts.splice(index, 1);
    return { body: { data: { deleted: true } } };
  }
}

/** Whether the post's author summoned the brand: an @mention of it, or a quote of one of its posts. */
function summons(post: ContractPost, posts: readonly ContractPost[]): boolean {
  if (post.entities?.mentions?.some((mention) => mention.id === BRAND_USER.id)) return true;
  return (post.referenced_tweets ?? []).some((reference) => reference.type === 'quoted' && posts.find((candidate) => candidate.id === reference.id)?.author_id === BRAND_USER.id);
}

const byNewest = (a: { id: string }, b: { id: string }): number => (a.id.length !== b.id.length ? b.id.length - a.id.length : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export const problem = (status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/problem+json' }, body: { type, title, detail, status, ...extra } });
const forbidden = (detail = 'You are not permitted to perform this action.'): RecordedResponse => ({ status: 403, body: { detail, type: 'about:blank', title: 'Forbidden', status: 403 } });
const notFound = (id: string): RecordedResponse => problem(404, 'https://api.x.com/2/problems/resource-not-found', 'Not Found Error', `Could not find tweet with id: [${id}].`, { resource_id: id, resource_type: 'tweet', parameter: 'id', value: id });
const invalidRequest = (parameter: string, detail: string): RecordedResponse => problem(400, 'https://api.x.com/2/problems/invalid-request', 'Invalid Request', detail, { errors: [{ parameters: { [parameter]: [] }, message: detail }] });

import { consentAndRedirect, ContractServerBase, InjectedFailures, routeTable, type ContractHandler } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { BRAND, seedInbox, type Thing } from './redditFixtures';

/**
 * Reddit's Data API on 127.0.0.1, for contract tests and the bench. Follows the API reference
 * (https://www.reddit.com/dev/api, as scraped in Pyprohly/reddit-api-doc-notes @ 68a8df0,
 * 2024-07-01, with its "Direct Message", "Comment" and "OAuth2" notes) and the OAuth2 wiki
 * (github.com/reddit-archive/reddit/wiki/OAuth2): `GET /message/inbox` as a listing paged with
 * `after`/`before` fullnames (`limit` ≤ 100), `POST /api/comment` answering `api_type=json`
 * envelopes (`RATELIMIT`, `THREAD_LOCKED`, `DELETED_COMMENT` in `json.errors`), `/api/remove`,
 * `/api/approve`, `/api/block`, `/api/report`, `/api/del`, `/api/info`, `/r/mod/about/modqueue`,
 * `/subreddits/mine/moderator`, `/user/{name}/comments`, `/message/sent`, the rate-limit headers
 * (`X-Ratelimit-Used`, `-Remaining`, `-Reset` in seconds; 429 past it), 401 for an expired or
 * revoked token, and the token endpoint (HTTP Basic `client_id:secret`, `invalid_grant`).
 * A test tool: the app never imports it.
 */
export type RedditContractOptions = { clientId?: string; clientSecret?: string | null; rateLimit?: number; tokenLifetimeS?: number };

type Comment = { name: string; author: string; body: string; parent_id: string; link_id: string; subreddit: string; created_utc: number; edited: false | number; removed: boolean; deleted: boolean };

/** What an expired or revoked access token gets (the header as clients have logged it, 2024). */
const UNAUTHORIZED: RecordedResponse = { status: 401, headers: { 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' }, body: { message: 'Unauthorized', error: 401 } };
const FORBIDDEN: RecordedResponse = { status: 403, body: { message: 'Forbidden', error: 403 } };
const WINDOW_S = 600;

export class RedditContractServer extends ContractServerBase {
  readonly failures = new InjectedFailures();
  /** The inbox, newest first. */
  inbox: Thing[] = [];
  /** Comments by fullname: those in the inbox, and the brand's own replies. */
  readonly comments = new Map<string, Comment>();
  readonly sent: Thing[] = [];
  moderated = new Set(['montreal']);
  readonly locked = new Set<string>();
  readonly blocked = new Set<string>();
  readonly removed = new Map<string, 'removed' | 'spam'>();
  readonly reports: { thing: string; reason: string }[] = [];
  /** Comments waiting in the moderation queue (reported, or held by the filters). */
  readonly queued = new Set<string>();
  private readonly tokens = new Map<string, { expiresAtS: number }>();
  private readonly refreshTokens = new Set<string>();
  private readonly codes = new Map<string, string>();
  private issued = 0;
  private used = 0;
  private windowEndsS = 0;
  private nextId = 0x2000000;

  private constructor(private readonly options: Required<RedditContractOptions>) {
    super();
  }

  static async start(options: RedditContractOptions = {}): Promise<RedditContractServer> {
    const contract = new RedditContractServer({ clientId: 'pieuvre-test-app', clientSecret: null, rateLimit: 1000, tokenLifetimeS: 3600, ...options });
    return contract.listen(contract.failures.around(contract.route()));
  }

  /** Fills the inbox with `count` seeded items (fr/en, some hostile, links, emoji), the newest at `endS`. */
  seed(count: number, seed = 1, endS?: number): Thing[] {
    this.inbox = seedInbox(count, seed, endS);
    this.inbox.filter((thing) => thing.kind === 't1').forEach((thing) => this.comments.set(String(thing.data.name), commentOf(thing)));
    return this.inbox;
  }

  /** Puts a new thing at the top of the inbox (what arrived since the last sync). */
  arrive(thing: Thing): void {
    this.inbox.unshift(thing);
    if (thing.kind === 't1') this.comments.set(String(thing.data.name), commentOf(thing));
  }

  /** Someone's comment in a community, held in its moderation queue (not in the brand's inbox). */
  queueComment(name: string, fields: { author: string; body: string; subreddit: string; post: string; createdS: number }): void {
    this.comments.set(name, { name, author: fields.author, body: fields.body, parent_id: `t3_${fields.post}`, link_id: `t3_${fields.post}`, subreddit: fields.subreddit, created_utc: fields.createdS, edited: false, removed: false, deleted: false });
    this.queued.add(name);
  }

  /** A token as the sign-in would have it, for tests that start signed in. */
  issueTokens(): { accessToken: string; refreshToken: string } {
    const refreshToken = `refresh-${++this.issued}`;
    this.refreshTokens.add(refreshToken);
    return { accessToken: this.newAccessToken(), refreshToken };
  }

  /** Every access token given so far stops working (they last an hour); refresh tokens still do. */
  expireAccessTokens(): void {
    this.tokens.clear();
  }

  /** The person revoked the app in their Reddit preferences: nothing given so far works. */
  revokeGrants(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
  }

  /** The calls left in this window: 0 makes the next one a 429. */
  setCallsLeft(remaining: number): void {
    this.windowEndsS = nowS() + WINDOW_S;
    this.used = this.options.rateLimit - remaining;
  }

  private route() {
    const api = (handler: ContractHandler): ContractHandler => (request, params) => this.authorized(request) ?? this.rateLimited(handler(request, params) ?? { status: 404, body: { message: 'Not Found', error: 404 } });
    return routeTable({
      'GET /api/v1/authorize': (request) => this.consent(request),
      'POST /api/v1/access_token': (request) => this.token(request),
      'GET /api/v1/me': api(() => ({ body: { id: BRAND.id, name: BRAND.name, icon_img: 'https://styles.redditmedia.com/t5_1/styles/profileIcon.png', created_utc: 1_500_000_000 } })),
      'GET /message/inbox': api((request) => ({ body: escaped(request, this.page(this.inbox, request)) })),
      'GET /message/sent': api((request) => ({ body: escaped(request, this.page(this.sent, request)) })),
      'GET /api/info': api((request) => ({ body: listing((request.query.get('id') ?? '').split(',').flatMap((name) => this.commentThing(name) ?? []), null) })),
      'GET /subreddits/mine/moderator': api(() => ({ body: listing([...this.moderated].map((name) => ({ kind: 't5', data: { display_name: name, name: `t5_${name.length}` } })), null) })),
      'GET /r/mod/about/modqueue': api((request) => ({ body: this.page([...this.queued].filter((name) => this.moderated.has(this.comments.get(name)?.subreddit ?? '')).flatMap((name) => this.commentThing(name) ?? []), request) })),
      'GET /user/:name/comments': api((request, { name }) => ({ body: this.page([...this.comments.values()].filter((comment) => comment.author === name).reverse().map((comment) => this.commentThing(comment.name)!), request) })),
      'POST /api/comment': api((request) => this.comment(form(request))),
      'POST /api/remove': api((request) => this.moderate(form(request).id, (name) => this.removed.set(name, form(request).spam === 'true' ? 'spam' : 'removed'))),
      'POST /api/approve': api((request) => this.moderate(form(request).id, (name) => this.removed.delete(name))),
      'POST /api/block': api((request) => this.block(form(request).id)),
      'POST /api/report': api((request) => this.report(form(request))),
      'POST /api/del': api((request) => this.deleteOwn(form(request).id)),
    });
  }

  private authorized(request: RecordedRequest): RecordedResponse | undefined {
    const token = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    const known = token === undefined ? undefined : this.tokens.get(token);
    if (!/\(by \/u\/[\w-]+\)/u.test(request.headers['user-agent'] ?? '')) return { status: 429, body: { message: 'Too Many Requests', error: 429 } };
    return known && known.expiresAtS > nowS() ? undefined : UNAUTHORIZED;
  }

  private rateLimited(answer: RecordedResponse): RecordedResponse {
    if (nowS() >= this.windowEndsS) {
      this.windowEndsS = nowS() + WINDOW_S;
      this.used = 0;
    }
    const isOver = this.used >= this.options.rateLimit;
    if (!isOver) this.used += 1;
    const headers = { 'x-ratelimit-used': String(this.used), 'x-ratelimit-remaining': String(this.options.rateLimit - this.used), 'x-ratelimit-reset': String(this.windowEndsS - nowS()) };
    if (isOver) return { status: 429, headers, body: { message: 'Too Many Requests', error: 429 } };
    return { ...answer, headers: { ...headers, ...answer.headers } };
  }

  /** A listing page: `after` = older than that fullname, `before` = newer; `limit` at most 100. */
  private page(things: readonly Thing[], request: RecordedRequest): unknown {
    const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 25) || 25));
    const after = request.query.get('after');
    const before = request.query.get('before');
    const anchor = (name: string) => things.findIndex((thing) => thing.data.name === name);
    let start = 0;
    let end = things.length;
    if (after) start = anchor(after) === -1 ? things.length : anchor(after) + 1;
    else if (before) {
      end = Math.max(0, anchor(before));
      start = Math.max(0, end - limit);
    }
    const children = things.slice(start, Math.min(end, start + limit));
    const hasOlder = start + children.length < things.length;
    return listing(children, hasOlder ? String(children.at(-1)?.data.name ?? '') : null, start > 0 && children.length > 0 ? String(children[0]!.data.name) : null);
  }

  private commentThing(name: string): Thing | undefined {
    const comment = this.comments.get(name);
    if (!comment) return undefined;
    const removal = this.removed.get(name);
    const isModerator = this.moderated.has(comment.subreddit);
    const body = comment.deleted ? '[deleted]' : removal && !isModerator ? '[removed]' : comment.body;
    const data = { ...comment, author: comment.deleted ? '[deleted]' : comment.author, body, permalink: `/r/${comment.subreddit}/comments/${comment.link_id.slice(3)}/x/${name.slice(3)}/`, link_title: 'Nouvelle torréfaction chez Brûlerie MTL', ...(isModerator ? { removed: removal !== undefined } : {}) };
    delete (data as Partial<Comment>).deleted;
    return { kind: 't1', data };
  }

  private comment(fields: Record<string, string>): RecordedResponse {
    const parent = fields.thing_id ?? '';
    const text = fields.text ?? '';
    if (!text.trim()) return envelope([['NO_TEXT', 'we need something here', 'text']]);
    if (parent.startsWith('t4_')) {
      const message = this.inbox.find((thing) => thing.data.name === parent) ?? this.sent.find((thing) => thing.data.name === parent);
      if (!message) return FORBIDDEN;
      const id36 = (this.nextId++).toString(36);
      const thread = String(message.data.first_message_name ?? parent);
      const sent: Thing = { kind: 't4', data: { name: `t4_${id36}`, id: id36, author: BRAND.name, dest: message.data.author, body: text, created_utc: nowS(), parent_id: parent, first_message_name: thread, was_comment: false, subject: `re: ${String(message.data.subject)}` } };
      this.sent.unshift(sent);
      return envelope([], [sent]);
    }
    const answered = this.comments.get(parent);
    if (!answered) return FORBIDDEN;
    if (answered.deleted) return envelope([['DELETED_COMMENT', 'that comment has been deleted', 'parent']]);
    if (this.locked.has(answered.link_id)) return envelope([['THREAD_LOCKED', 'Comments are locked.', 'parent']]);
    const name = `t1_${(this.nextId++).toString(36)}`;
    this.comments.set(name, { name, author: BRAND.name, body: text, parent_id: parent, link_id: answered.link_id, subreddit: answered.subreddit, created_utc: nowS(), edited: false, removed: false, deleted: false });
    return envelope([], [this.commentThing(name)!]);
  }

  private moderate(name: string | undefined, act: (name: string) => void): RecordedResponse {
    const comment = this.comments.get(name ?? '');
    if (!comment || !this.moderated.has(comment.subreddit)) return FORBIDDEN;
    act(comment.name);
    // A moderator's decision takes it out of the queue.
    this.queued.delete(comment.name);
    return { body: {} };
  }

  private block(name: string | undefined): RecordedResponse {
    const thing = this.inbox.find((each) => each.data.name === name);
    if (!thing) return FORBIDDEN;
    this.blocked.add(String(thing.data.author));
    return { body: {} };
  }

  private report(fields: Record<string, string>): RecordedResponse {
    if (!this.inbox.some((thing) => thing.data.name === fields.thing_id)) return FORBIDDEN;
    this.reports.push({ thing: fields.thing_id ?? '', reason: fields.reason ?? '' });
    return envelope([]);
  }

  private deleteOwn(name: string | undefined): RecordedResponse {
    const comment = this.comments.get(name ?? '');
    if (comment?.author !== BRAND.name) return FORBIDDEN;
    comment.deleted = true;
    return { body: {} };
  }

  private consent(request: RecordedRequest): RecordedResponse {
    const redirect = request.query.get('redirect_uri') ?? '';
    if (request.query.get('client_id') !== this.options.clientId) return { status: 400, headers: { 'content-type': 'text/html' }, body: '<h1>bad request (reddit.com)</h1><p>invalid client id</p>' };
    if (request.query.get('response_type') !== 'code' || request.query.get('duration') !== 'permanent' || !request.query.get('scope')) return { status: 400, headers: { 'content-type': 'text/html' }, body: '<h1>bad request (reddit.com)</h1>' };
    const code = `code-${++this.issued}`;
    this.codes.set(code, redirect);
    return consentAndRedirect(request, code);
  }

  private token(request: RecordedRequest): RecordedResponse {
    const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /u, ''), 'base64').toString();
    if (basic !== `${this.options.clientId}:${this.options.clientSecret ?? ''}`) return { status: 401, body: { message: 'Unauthorized', error: 401 } };
    const fields = form(request);
    const grant = (refreshToken: string | null): RecordedResponse => {
      if (refreshToken) this.refreshTokens.add(refreshToken);
      const body = { access_token: this.newAccessToken(), token_type: 'bearer', expires_in: this.options.tokenLifetimeS, scope: fields.scope ?? 'identity privatemessages read submit modposts report history mysubreddits edit' };
      return { body: refreshToken ? { ...body, refresh_token: refreshToken } : body };
    };
    if (fields.grant_type === 'authorization_code') {
      const redirect = this.codes.get(fields.code ?? '');
      this.codes.delete(fields.code ?? '');
      if (redirect === undefined || redirect !== fields.redirect_uri) return { status: 400, body: { error: 'invalid_grant' } };
      return grant(`refresh-${++this.issued}`);
    }
    if (fields.grant_type === 'refresh_token') return this.refreshTokens.has(fields.refresh_token ?? '') ? grant(null) : { status: 400, body: { error: 'invalid_grant' } };
    // Reddit answers a wrong password with 200 and an error body.
    if (fields.grant_type === 'password') return fields.username === BRAND.name && fields.password === 'correct horse' ? grant(null) : { status: 200, body: { error: 'invalid_grant' } };
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  private newAccessToken(): string {
    const token = `access-${++this.issued}`;
    this.tokens.set(token, { expiresAtS: nowS() + this.options.tokenLifetimeS });
    return token;
  }
}

const nowS = (): number => Math.floor(Date.now() / 1000);

const listing = (children: unknown[], after: string | null, before: string | null = null) => ({ kind: 'Listing', data: { after, dist: children.length, modhash: null, geo_filter: '', children, before } });

const envelope = (errors: [string, string, string | null][], things?: unknown[]): RecordedResponse => ({ body: { json: things ? { errors, data: { things } } : { errors } } });

const form = (request: RecordedRequest): Record<string, string> => (typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, string>) : {});

function commentOf(thing: Thing): Comment {
  const data = thing.data;
  const post = /\/comments\/([0-9a-z]+)\//u.exec(String(data.context))?.[1] ?? 'unknown';
  return { name: String(data.name), author: String(data.author), body: String(data.body), parent_id: String(data.parent_id), link_id: `t3_${post}`, subreddit: String(data.subreddit), created_utc: Number(data.created_utc), edited: false, removed: false, deleted: false };
}

/** Without `raw_json=1` Reddit escapes `&`, `<` and `>` in every string of the answer (the reference's "response body encoding"). */
function escaped(request: RecordedRequest, body: unknown): unknown {
  if (request.query.get('raw_json') === '1') return body;
  return JSON.parse(JSON.stringify(body).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;'));
}

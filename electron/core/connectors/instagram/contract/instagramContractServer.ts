/**
 * A contract server for the Instagram API with Instagram Login, real HTTP on 127.0.0.1 standing
 * for graph.instagram.com, api.instagram.com and www.instagram.com at once. It follows Meta's
 * reference pages as read in December 2026 (each noted in docs/platforms/instagram.md):
 * Business Login for Instagram (updated 13 Mar 2026), OAuth Authorize (17 Jul 2025), Access
 * Token (9 Mar 2026), Refresh Access Token (17 Jul 2025), IG User Media, IG Media Comments, IG
 * Comment and IG Comment Replies (v25.0), Comment Moderation, Get Conversations (31 Jul 2024),
 * Send Messages, Send a Private Reply to a Commenter (30 Jun 2026), Graph API error handling and rate limiting. Paths, parameters, bodies and
 * paging are Meta's (`{data, paging: {cursors, next}}`, cursors that this server, like Meta,
 * does not promise to keep); error bodies are Graph's. A test tool: app code never imports it.
 */
import { consentAndRedirect, ContractServerBase, InjectedFailures, routeTable, type ContractHandler } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';
import { INSTAGRAM_API_VERSION } from '../instagramHosts';
import { doesNotExist, expiredToken, graphError, invalidToken, outsideWindow, tokenEndpointError } from './graphResponses';
import { BRAND, InstagramWorld, seedWorld, type WorldComment, type WorldMedia } from './instagramWorld';

const V = `/${INSTAGRAM_API_VERSION}`;
const DAY_MS = 86_400_000;
const LONG_LIVED_SECONDS = 60 * 86_400;
export const CONTRACT_APP = { clientId: '990602627938098', clientSecret: 'contract-app-secret' } as const;

type Token = { kind: 'short' | 'long'; issuedAt: number; isRevoked: boolean };
export type InstagramContractOptions = { now?: () => number };

export class InstagramContractServer extends ContractServerBase {
  readonly world = new InstagramWorld();
  /** The comments the account answered privately (one each). */
  readonly privateReplied = new Set<string>();
  readonly failures = new InjectedFailures();
  private readonly tokens = new Map<string, Token>();
  private readonly codes = new Map<string, string>();
  private serial = 0;

  private constructor(private readonly now: () => number) {
    super();
  }

  static async start(options: InstagramContractOptions = {}): Promise<InstagramContractServer> {
    const contract = new InstagramContractServer(options.now ?? Date.now);
    return contract.listen((request) => contract.answer(request));
  }

  /** Fills the account with `count` items (see seedWorld). */
  seed(count: number, options: { seed?: number; days?: number } = {}): this {
    seedWorld(this.world, count, { ...options, now: this.now() });
    return this;
  }

  /** A long-lived token as if signed in `ageMs` ago; the connector's secret is built around it. */
  issueToken(ageMs = 0): string {
    const token = `IGQWR${(this.serial += 1)}contract`;
    this.tokens.set(token, { kind: 'long', issuedAt: this.now() - ageMs, isRevoked: false });
    return token;
  }

  /** The person removed the app from their account: every token of it stops working. */
  revokeAll(): void {
    for (const token of this.tokens.values()) token.isRevoked = true;
  }

  /** How much of the account's business-use-case quota the Graph answers say is used (percent); null: no header, as on the token hosts. */
  usagePercent: number | null = 3;

  private answer(request: RecordedRequest): RecordedResponse | undefined {
    const response = this.failures.around(this.routes)(request);
    if (response === undefined || this.usagePercent === null || !request.path.startsWith(`${V}/`)) return response;
    const usage = { [BRAND.userId]: [{ type: 'instagram', call_count: this.usagePercent, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] };
    return { ...response, headers: { 'x-business-use-case-usage': JSON.stringify(usage), ...response.headers } };
  }

  private readonly routes = routeTable({
    'GET /oauth/authorize': (request) => this.authorize(request),
    'POST /oauth/access_token': (request) => this.exchangeCode(request),
    'GET /access_token': (request) => this.longLived(request, 'ig_exchange_token'),
    'GET /refresh_access_token': (request) => this.longLived(request, 'ig_refresh_token'),
    [`GET ${V}/me`]: this.authed(() => ({ body: { id: BRAND.id, user_id: BRAND.userId, username: BRAND.username, name: BRAND.name } })),
    [`GET ${V}/me/media`]: this.authed((request) => this.mediaPage(request)),
    [`GET ${V}/me/conversations`]: this.authed((request) => this.conversationsPage(request)),
    [`POST ${V}/:userId/messages`]: this.authed((request, params) => this.send(request, params.userId ?? '')),
    [`GET ${V}/:id/comments`]: this.authed((request, params) => this.comments(request, params.id ?? '')),
    [`GET ${V}/:id/replies`]: this.authed((request, params) => this.replies(request, params.id ?? '')),
    [`POST ${V}/:id/replies`]: this.authed((request, params) => this.reply(request, params.id ?? '')),
    [`GET ${V}/:id/messages`]: this.authed((_, params) => this.messages(params.id ?? '')),
    [`GET ${V}/:id`]: this.authed((_, params) => this.node(params.id ?? '')),
    [`POST ${V}/:id`]: this.authed((request, params) => this.hide(request, params.id ?? '')),
    [`DELETE ${V}/:id`]: this.authed((_, params) => (this.world.deleteComment(params.id ?? '') ? { body: { success: true } } : doesNotExist(params.id ?? ''))),
  });

  /** Graph reads the token from `Authorization: Bearer` or `access_token`; a revoked or unknown one is (#190). */
  private authed(handler: ContractHandler): ContractHandler {
    return (request, params) => {
      const token = bearer(request);
      const known = token === null ? undefined : this.tokens.get(token);
      if (!known || known.isRevoked || known.kind !== 'long') return invalidToken();
      if (this.now() - known.issuedAt > LONG_LIVED_SECONDS * 1000) return expiredToken();
      return handler(request, params);
    };
  }

  private authorize(request: RecordedRequest): RecordedResponse {
    if (request.query.get('client_id') !== CONTRACT_APP.clientId) return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>Invalid app ID</p>' };
    if (request.query.get('response_type') !== 'code' || !request.query.get('scope')?.includes('instagram_business_basic')) return { status: 400, body: { error_type: 'OAuthException', code: 400, error_message: 'Invalid scope or response_type' } };
    const code = `AQB${(this.serial += 1)}code`;
    this.codes.set(code, request.query.get('redirect_uri') ?? '');
    return consentAndRedirect(request, code);
  }

  /** `POST api.instagram.com/oauth/access_token` (form): a one-hour token, wrapped in `data` as Business Login's step 2 shows its answer. */
  private exchangeCode(request: RecordedRequest): RecordedResponse {
    const form = (request.body ?? {}) as Record<string, string>;
    if (form.client_id !== CONTRACT_APP.clientId || form.client_secret !== CONTRACT_APP.clientSecret) return tokenEndpointError('Invalid platform app');
    if (form.grant_type !== 'authorization_code') return tokenEndpointError('Invalid grant_type');
    const redirect = form.code === undefined ? undefined : this.codes.get(form.code);
    if (redirect === undefined) return tokenEndpointError('This authorization code has been used');
    if (redirect !== form.redirect_uri) return tokenEndpointError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
    this.codes.delete(form.code ?? '');
    const token = `IGQWS${(this.serial += 1)}short`;
    this.tokens.set(token, { kind: 'short', issuedAt: this.now(), isRevoked: false });
    return { body: { data: [{ access_token: token, user_id: BRAND.userId, permissions: 'instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_messages' }] } };
  }

  /** `GET /access_token` (short → 60 days, with the app secret) and `GET /refresh_access_token` (a long one at least 24 hours old). */
  private longLived(request: RecordedRequest, grant: 'ig_exchange_token' | 'ig_refresh_token'): RecordedResponse {
    if (request.query.get('grant_type') !== grant) return graphError(100, 'Unsupported grant_type');
    const old = request.query.get('access_token') ?? '';
    const known = this.tokens.get(old);
    if (!known || known.isRevoked) return invalidToken();
    if (grant === 'ig_exchange_token') {
      if (request.query.get('client_secret') !== CONTRACT_APP.clientSecret) return graphError(101, 'Error validating client secret.');
      if (known.kind !== 'short') return graphError(100, 'Only short-lived tokens can be exchanged');
    } else {
      if (known.kind !== 'long') return graphError(100, 'Only long-lived tokens can be refreshed');
      if (this.now() - known.issuedAt < DAY_MS) return graphError(100, 'The token must be at least 24 hours old to be refreshed');
      if (this.now() - known.issuedAt > LONG_LIVED_SECONDS * 1000) return expiredToken();
    }
    const token = `IGQWR${(this.serial += 1)}long`;
    this.tokens.set(token, { kind: 'long', issuedAt: this.now(), isRevoked: false });
    return { body: { access_token: token, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS } };
  }

  private mediaPage(request: RecordedRequest): RecordedResponse {
    const newest = [...this.world.media].sort((a, b) => b.at - a.at);
    return page(request, this.url, newest.map((media) => this.mediaFields(media)));
  }

  private mediaFields(media: WorldMedia) {
    return { id: media.id, caption: media.caption, permalink: media.permalink, timestamp: graphTime(media.at), comments_count: this.world.commentCount(media) };
  }

  private node(id: string): RecordedResponse {
    const media = this.world.media.find((each) => each.id === id);
    if (media) return { body: this.mediaFields(media) };
    const found = this.world.findComment(id);
    return found ? { body: commentFields(found.comment, false) } : doesNotExist(id);
  }

  /** Top-level comments, oldest first as the reference's example lists them; `replies{…}` expanded when asked. */
  private comments(request: RecordedRequest, mediaId: string): RecordedResponse {
    const media = this.world.media.find((each) => each.id === mediaId);
    if (!media) return doesNotExist(mediaId);
    const withReplies = request.query.get('fields')?.includes('replies{') ?? false;
    return page(request, this.url, media.comments.map((comment) => commentFields(comment, withReplies)));
  }

  private replies(request: RecordedRequest, commentId: string): RecordedResponse {
    const found = this.world.findComment(commentId);
    if (!found) return doesNotExist(commentId);
    return page(request, this.url, found.comment.replies.map((reply) => commentFields(reply, false)));
  }

  /** A reply joins the top-level comment; none to a hidden comment (the reference's limitation). */
  private reply(request: RecordedRequest, commentId: string): RecordedResponse {
    const found = this.world.findComment(commentId);
    if (!found) return doesNotExist(commentId);
    const message = request.query.get('message');
    if (!message) return graphError(100, '(#100) The parameter message is required');
    if (found.comment.hidden || found.top.hidden) return graphError(100, '(#100) Cannot reply to a hidden comment.');
    const reply = this.world.addComment(found.media, message, this.now(), { id: BRAND.userId, username: BRAND.username }, found.top);
    return { body: { id: reply.id } };
  }

  private hide(request: RecordedRequest, commentId: string): RecordedResponse {
    const found = this.world.findComment(commentId);
    if (!found) return doesNotExist(commentId);
    const hide = request.query.get('hide');
    if (hide !== 'true' && hide !== 'false') return graphError(100, '(#100) The parameter hide is required');
    found.comment.hidden = hide === 'true';
    return { body: { success: true } };
  }

  private conversationsPage(request: RecordedRequest): RecordedResponse {
    if (request.query.get('platform') !== 'instagram') return graphError(100, '(#100) Param platform must be instagram');
    // `user_id`: the conversation with one person (Get Conversations, "find a conversation with a specific person").
    const userId = request.query.get('user_id');
    const newest = [...this.world.conversations].filter((each) => userId === null || each.person.id === userId).sort((a, b) => this.world.updatedAt(b) - this.world.updatedAt(a));
    return page(request, this.url, newest.map((conversation) => ({ id: conversation.id, updated_time: graphTime(this.world.updatedAt(conversation)) })));
  }

  /** The 20 most recent messages, newest first: Meta gives no more of a conversation. */
  private messages(conversationId: string): RecordedResponse {
    const conversation = this.world.conversations.find((each) => each.id === conversationId);
    if (!conversation) return doesNotExist(conversationId);
    const recent = [...conversation.messages].sort((a, b) => b.at - a.at).slice(0, 20);
    return {
      body: {
        data: recent.map((message) => ({ id: message.id, created_time: graphTime(message.at), from: { id: message.fromId, username: message.fromUsername }, to: { data: [{ id: message.toId, username: message.toUsername }] }, message: message.text })),
      },
    };
  }

  /**
   * Private Replies (Instagram Platform, "Send a Private Reply to a Commenter", 30 June 2026): one
   * message to the comment's author within 7 days of the comment, into their conversation with
   * the account. The reference names no error of its own for a second or a late one: answered
   * as the Send API's window refusal (an assumption, docs/platforms/instagram.md).
   */
  private privateReply(commentId: string, text: unknown): RecordedResponse {
    const found = this.world.findComment(commentId);
    if (!found) return doesNotExist(commentId);
    if (typeof text !== 'string' || text === '') return graphError(100, '(#100) The parameter message is required');
    if (this.privateReplied.has(commentId) || this.now() - found.comment.at > 7 * DAY_MS) return outsideWindow();
    const person = { id: found.comment.fromId, username: found.comment.username };
    const conversation = this.world.conversations.find((each) => each.person.id === person.id) ?? this.world.addConversation(person);
    const message = this.world.addMessage(conversation, text, this.now(), true);
    this.privateReplied.add(commentId);
    return { body: { recipient_id: person.id, message_id: message.id } };
  }

  /** The Send API: within 24 hours of the person's last message, or 7 days with HUMAN_AGENT. */
  private send(request: RecordedRequest, userId: string): RecordedResponse {
    if (userId !== BRAND.userId && userId !== 'me') return graphError(100, '(#100) Invalid user id');
    const body = (request.body ?? {}) as { recipient?: { id?: unknown; comment_id?: unknown }; message?: { text?: unknown }; messaging_type?: unknown; tag?: unknown };
    if (typeof body.recipient?.comment_id === 'string') return this.privateReply(body.recipient.comment_id, body.message?.text);
    const conversation = this.world.conversations.find((each) => each.person.id === body.recipient?.id);
    if (!conversation) return graphError(100, '(#100) No matching user found', { subcode: 2018001 });
    if (typeof body.message?.text !== 'string' || body.message.text === '') return graphError(100, '(#100) The parameter message is required');
    const lastInbound = Math.max(0, ...conversation.messages.filter((message) => message.fromId === conversation.person.id).map((message) => message.at));
    const isHumanAgent = body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
    if (this.now() - lastInbound > (isHumanAgent ? 7 : 1) * DAY_MS) return outsideWindow();
    const message = this.world.addMessage(conversation, body.message.text, this.now(), true);
    return { body: { recipient_id: conversation.person.id, message_id: message.id } };
  }
}

function commentFields(comment: WorldComment, withReplies: boolean) {
  const fields: Record<string, unknown> = { id: comment.id, text: comment.text, timestamp: graphTime(comment.at), from: { id: comment.fromId, username: comment.username }, username: comment.username, hidden: comment.hidden, like_count: comment.likeCount };
  if (comment.parentId !== null) fields.parent_id = comment.parentId;
  if (withReplies && comment.replies.length > 0) fields.replies = { data: comment.replies.map((reply) => commentFields(reply, false)) };
  return fields;
}

/** Graph's offset paging: `limit` (25 by default), opaque `after`/`before` cursors and the `next` address. */
function page(request: RecordedRequest, origin: string, entries: readonly unknown[]): RecordedResponse {
  const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 25) || 25));
  const after = request.query.get('after');
  const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8')) || 0;
  const data = entries.slice(start, start + limit);
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + data.length) } };
  if (start + data.length < entries.length) {
    const next = new URL(request.path, origin);
    for (const [name, value] of request.query) next.searchParams.set(name, value);
    next.searchParams.set('after', cursor(start + data.length));
    paging.next = next.toString();
  }
  return { body: { data, paging } };
}

const cursor = (offset: number): string => Buffer.from(String(offset), 'utf8').toString('base64url');

/** Meta's time format: `2017-08-31T18:10:30+0000`. */
export const graphTime = (at: number): string => new Date(at).toISOString().replace(/\.\d{3}Z$/u, '+0000');

function bearer(request: RecordedRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7);
  return request.query.get('access_token');
}

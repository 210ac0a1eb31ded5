import type { AccountCheck, AccountLimitsView } from '../../../../shared/api/accounts';
import type { ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type Connector, type ConnectorIo, type ModerationDone, type ModerationRequest, type ReplyLimits, type ReplyRequest, type SentReply, type SyncPage, type SyncRequest } from '../connector';
import type { XBrand } from './normaliseX';
import { XBudget } from './xBudget';
import { xListSchema, xMeSchema } from './xEntities';
import { XHttp } from './xHttp';
import { moderateOnX, X_MODERATION } from './xModeration';
import { X_PRICES_USD } from './xPricing';
import { listCost, MENTION_FIELDS } from './xQueries';
import { findXReply, postXReply, type XReplyContext } from './xReply';
import { syncX } from './xSync';
import type { RefreshingToken } from '../oauth/refreshingToken';
import type { XSecret } from './xSecret';
import { CheckSteps } from '../checkSteps';
import { OPEN_REPLIES } from '../replyLimits';
import { ClosableConnector } from '../closableConnector';

/**
 * X's rules for what Pieuvre posts: 280 weighted characters (twitter-text: a link counts 23, an
 * emoji 2), DMs up to 10,000 characters with no reply window, and a reply only where the author
 * summoned the account.
 */
export const X_LIMITS: ReplyLimits = { ...OPEN_REPLIES, maxLength: 280, lengthUnit: 'twitter-weighted', dmMaxLength: 10_000, repliesNeedMention: true };

export type XConnectorOptions = { apiOrigin: string; tokens: RefreshingToken<XSecret>; io: Pick<ConnectorIo, 'fetch' | 'now' | 'usage'> };

/** One X account, polled over X API v2 with its own OAuth 2.0 tokens; every call's cost counted against its monthly budget. */
export class XConnector extends ClosableConnector implements Connector {
  readonly platform = 'x';
  readonly limits = X_LIMITS;
  /** X has no idempotency key: the outbox asks `findSent` before any second attempt. */
  readonly idempotencyWindowMs = 0;
  readonly moderation: readonly ModerationAction[] = X_MODERATION;
  private readonly http: XHttp;
  private readonly budget: XBudget;

  constructor(private readonly options: XConnectorOptions) {
    super('The X connector was closed.');
    this.http = new XHttp({ origin: options.apiOrigin, tokens: options.tokens, fetch: options.io.fetch, now: options.io.now, usage: options.io.usage });
    this.budget = new XBudget(options.io.usage, options.io.now);
  }

  private get brand(): XBrand {
    const { userId, username } = this.options.tokens.secret;
    return { userId, username };
  }

  private get replyContext(): XReplyContext {
    return { http: this.http, budget: this.budget, brand: this.brand, now: this.options.io.now };
  }

  async sync(request: SyncRequest): Promise<SyncPage> {
    if (this.budget.isPollingStopped) {
      return { items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null, notice: { code: 'x_budget_spent', message: this.budget.stoppedNotice() } };
    }
    return syncX(this.http, this.brand, this.options.io.now, { ...request, signal: this.signal(request.signal), pageSize: this.budget.pageSize });
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return postXReply(this.replyContext, request, this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findXReply(this.replyContext, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnX(this.http, this.budget, this.brand, request, this.signal(signal));
  }

  limitsView(): AccountLimitsView {
    return { budget: this.budget.view(), rateLimit: this.http.rateLimit, cannot: ['x_replies_need_mention', 'x_pay_per_use'] };
  }

  /** Who the token is, then the five newest mentions: read-only, about US$0.04 at X's prices. */
  async check(signal: AbortSignal): Promise<AccountCheck['steps']> {
    const checks = new CheckSteps();
    const live = this.signal(signal);
    const isSignedIn = await checks.run('Who the token is (GET /2/users/me)', async () => {
      const me = xMeSchema.safeParse((await this.http.call({ path: '/2/users/me', query: { 'user.fields': 'username,name' }, what: 'reading the account', cost: () => X_PRICES_USD.userRead, signal: live })).body);
      if (!me.success) throw new ConnectorError('X answered /2/users/me without the account.', 'transient');
      if (me.data.data.id !== this.brand.userId) throw new ConnectorError(`The token belongs to @${me.data.data.username}, not @${this.brand.username}: reconnect the account.`, 'auth');
      return `@${me.data.data.username} (${me.data.data.id})`;
    });
    if (!isSignedIn) return checks.steps;
    await checks.run('The newest mentions (GET /2/users/:id/mentions)', async () => {
      const response = await this.http.call({ path: `/2/users/${encodeURIComponent(this.brand.userId)}/mentions`, query: { ...MENTION_FIELDS, max_results: '5' }, what: 'reading the mentions', cost: listCost('posts'), signal: live });
      const count = xListSchema.safeParse(response.body).data?.data?.length ?? 0;
      return `${count} mention${count === 1 ? '' : 's'} read; spent this month: US$${this.budget.spent.toFixed(3)}`;
    });
    return checks.steps;
  }
}

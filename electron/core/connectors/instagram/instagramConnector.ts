import type { AccountCheck, AccountLimitsView } from '../../../../shared/api/accounts';
import { ConnectorError, type Connector, type ConnectorIo, type ModerationDone, type ModerationRequest, type ReplyLimits, type ReplyRequest, type SentReply, type SyncPage, type SyncRequest } from '../connector';
import { CONVERSATION_FIELDS, MEDIA_FIELDS } from './instagramFields';
import { graphPath } from './instagramHosts';
import { InstagramHttp } from './instagramHttp';
import { INSTAGRAM_LIMITS, instagramLimitsView } from './instagramLimits';
import { INSTAGRAM_MODERATION, moderateOnInstagram } from './instagramModeration';
import { findReply, postReply } from './instagramReply';
import { encodeInstagramSecret, type InstagramSecret } from './instagramSecret';
import { InstagramSyncState, syncInstagram } from './instagramSync';
import { refreshLongLived } from './instagramTokens';
import type { InstagramBrand } from './normaliseInstagram';
import { CheckSteps } from '../checkSteps';
import { ClosableConnector } from '../closableConnector';

const DAY_MS = 86_400_000;
/** Renewed a week before its 60 days end, so a computer off for a few days still finds it valid. */
const RENEW_BEFORE_MS = 7 * DAY_MS;
/** Meta refreshes only a long-lived token at least 24 hours old. */
const REFRESHABLE_AFTER_MS = DAY_MS;

/** One Instagram professional account through the Instagram API with Instagram Login. */
export class InstagramConnector extends ClosableConnector implements Connector {
  readonly platform = 'instagram';
  readonly limits: ReplyLimits = INSTAGRAM_LIMITS;
  /** Instagram takes no idempotency key: the outbox asks findSent before any second attempt. */
  readonly idempotencyWindowMs = 0;
  readonly moderation = INSTAGRAM_MODERATION;
  private readonly http: InstagramHttp;
  private readonly brand: InstagramBrand;
  private readonly state = new InstagramSyncState();
  private renewing: Promise<boolean> | null = null;
  private pollingWaitsUntil: number | null = null;

  constructor(
    private secret: InstagramSecret,
    private readonly graph: string,
    private readonly io: Pick<ConnectorIo, 'fetch' | 'now' | 'saveSecret'>,
  ) {
    super('The Instagram connector was closed.');
    this.brand = { userId: secret.userId, username: secret.username };
    this.http = new InstagramHttp({ origin: graph, fetch: io.fetch, now: io.now, token: () => this.secret.accessToken, renew: (signal) => this.renew(signal) });
  }

  async sync(request: SyncRequest): Promise<SyncPage> {
    this.keepQuotaForReplies();
    const signal = this.signal(request.signal);
    await this.renewIfDue(signal);
    return syncInstagram(this.http, this.brand, this.state, { ...request, signal }, this.io.now());
  }

  async reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    await this.renewIfDue(this.signal(signal));
    return postReply(this.http, this.brand, request, this.io.now(), this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findReply(this.http, this.brand, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnInstagram(this.http, request, this.signal(signal));
  }

  limitsView(): AccountLimitsView {
    return instagramLimitsView(this.http.latestUsage, this.pollingWaitsUntil);
  }

  /** Read-only: who the token is, one media, one conversation. */
  async check(signal: AbortSignal): Promise<AccountCheck['steps']> {
    const checks = new CheckSteps();
    const read = (path: string, query: Record<string, string>) => this.http.call({ path: graphPath(path), query, signal: this.signal(signal) });
    await checks.run('account', async () => `@${String((await read('/me', { fields: 'user_id,username' }) as { username?: unknown }).username)}`);
    await checks.run('comments', async () => `${countOf(await read('/me/media', { fields: MEDIA_FIELDS, limit: '1' }))} recent media read`);
    await checks.run('messages', async () => `${countOf(await read('/me/conversations', { platform: 'instagram', fields: CONVERSATION_FIELDS, limit: '1' }))} conversation read`);
    return checks.steps;
  }

  /** Polling pauses while Meta's latest answer says the quota is nearly spent; after the pause, the next answer says again. */
  private keepQuotaForReplies(): void {
    const usage = this.http.latestUsage;
    if (usage === null || usage.percentUsed < POLLING_STOPS_AT_PERCENT) return;
    const now = this.io.now();
    this.pollingWaitsUntil ??= usage.resetsAt ?? now + POLLING_PAUSE_MS;
    if (now < this.pollingWaitsUntil) {
      throw new ConnectorError(`Instagram says ${Math.round(usage.percentUsed)}% of this account's quota is used: polling waits so that replies still go through.`, 'rate_limited', this.pollingWaitsUntil - now);
    }
    this.pollingWaitsUntil = null;
    this.http.latestUsage = null;
  }

  private async renewIfDue(signal: AbortSignal): Promise<void> {
    const now = this.io.now();
    if (this.secret.expiresAt - now > RENEW_BEFORE_MS) return;
    if (this.secret.expiresAt <= now) throw new ConnectorError('The Instagram token has expired: reconnect the account.', 'auth');
    if (now - this.secret.issuedAt >= REFRESHABLE_AFTER_MS) await this.renew(signal);
  }

  /** One refresh at a time; a token Meta will not refresh (revoked, expired) means reconnecting. */
  private renew(signal: AbortSignal): Promise<boolean> {
    this.renewing ??= this.refresh(signal).finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async refresh(signal: AbortSignal): Promise<boolean> {
    if (this.io.now() - this.secret.issuedAt < REFRESHABLE_AFTER_MS) return false;
    try {
      const token = await refreshLongLived({ graph: this.graph, fetch: this.io.fetch, now: this.io.now, signal }, this.secret.accessToken);
      const renewed = { ...this.secret, ...token };
      await this.io.saveSecret(encodeInstagramSecret(renewed));
      this.secret = renewed;
      return true;
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth') return false;
      throw error;
    }
  }
}

/**
 * Past this share of Meta's quota, polling waits and leaves what is left to replies and
 * moderation (Meta advises backing off before the limit, not at it).
 */
const POLLING_STOPS_AT_PERCENT = 90;
/** How long polling waits when Meta does not say when the quota comes back. */
const POLLING_PAUSE_MS = 15 * 60_000;

const countOf = (body: unknown): number => (Array.isArray((body as { data?: unknown } | null)?.data) ? (body as { data: unknown[] }).data.length : 0);

import type { AccountCheck } from '../../../../shared/api/accounts';
import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { Connector, ModerationDone, ModerationRequest, ReplyRequest, SentReply, SyncPage, SyncRequest } from '../connector';
import type { RedditBrand } from './normaliseInboxItem';
import { meSchema, listingSchema } from './redditEntities';
import type { RedditHttp } from './redditHttp';
import { REDDIT_LIMITS, redditLimitsView } from './redditLimits';
import { moderateOnReddit, redditModeration } from './redditModeration';
import { ModeratedCommunities } from './redditModerators';
import { findReply, postReply } from './redditReply';
import { syncInbox } from './redditSync';
import { CheckSteps } from '../checkSteps';
import { ClosableConnector } from '../closableConnector';

/**
 * One Reddit account: its inbox synced, its replies posted, its moderation where it moderates.
 * Reddit has no idempotency key (`idempotencyWindowMs: 0`): after an unclear failure the outbox
 * asks findSent, which reads the brand's latest comments or sent messages.
 */
export class RedditConnector extends ClosableConnector implements Connector {
  readonly platform = 'reddit';
  readonly limits = REDDIT_LIMITS;
  readonly idempotencyWindowMs = 0;
  private readonly communities: ModeratedCommunities;

  constructor(
    private readonly http: RedditHttp,
    private readonly brand: RedditBrand,
    private readonly now: () => number,
  ) {
    super('The Reddit connector was closed.');
    this.communities = new ModeratedCommunities(http, now);
  }

  get moderation(): readonly ModerationAction[] {
    return redditModeration(this.communities.current);
  }

  async sync(request: SyncRequest): Promise<SyncPage> {
    const signal = this.signal(request.signal);
    // Read before the first page, so that the menus offer removal once the messages are there.
    const moderated = await this.communities.get(signal);
    return syncInbox(this.http, this.brand, { ...request, signal }, this.now(), moderated.size > 0);
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return postReply(this.http, this.brand, request, this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findReply(this.http, this.brand, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnReddit(this.http, this.brand, this.communities, request, this.signal(signal));
  }

  limitsView() {
    return redditLimitsView(this.http.rateLimit());
  }

  /** Who the token is and one item of the inbox: read-only, nothing stored. */
  async check(signal: AbortSignal): Promise<AccountCheck['steps']> {
    const checks = new CheckSteps();
    const isSignedIn = await checks.run('Who the sign-in is', async () => {
      const me = meSchema.parse((await this.http.call({ path: '/api/v1/me', signal: this.signal(signal), purpose: 'act' })).body);
      if (me.name.toLowerCase() !== this.brand.name.toLowerCase()) throw new Error(`The token is u/${me.name}'s, not u/${this.brand.name}'s.`);
      return `u/${me.name}`;
    });
    if (!isSignedIn) return checks.steps;
    await checks.run('One page of the inbox', async () => {
      const listing = listingSchema.parse((await this.http.call({ path: '/message/inbox', query: { limit: '1' }, signal: this.signal(signal), purpose: 'act' })).body);
      return listing.data.children.length === 0 ? 'The inbox is empty.' : 'The inbox can be read.';
    });
    await checks.run('Communities it moderates', async () => `${(await this.communities.get(this.signal(signal))).size}`);
    return checks.steps;
  }
}

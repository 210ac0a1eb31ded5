import type { AccountCheck, AccountLimitsView } from '../../../../shared/api/accounts';
import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { Connector, ConnectorIo, ModerationDone, ModerationRequest, ReplyRequest, SentReply, SyncPage, SyncRequest } from '../connector';
import { CommentsStream } from './commentsStream';
import { checkFacebook } from './facebookCheck';
import { FACEBOOK_CANNOT, FACEBOOK_LIMITS } from './facebookLimits';
import { facebookModeration, moderateOnFacebook } from './facebookModeration';
import { FacebookRecheck } from './facebookRecheck';
import { findReply, postReply } from './facebookReply';
import type { FacebookSecret } from './facebookSecret';
import { syncFacebook } from './facebookSync';
import { GraphHttp } from './graphHttp';
import { usageView } from '../meta/graphUsage';
import { MessagesStream } from './messagesStream';
import { PageSession } from './pageSession';
import { ClosableConnector } from '../closableConnector';

/**
 * One Facebook Page: its posts' comments and its Messenger conversations, replies to both, and
 * moderation as the Page's tasks allow. Facebook keeps no idempotency key: a send that may have
 * gone through is looked for in its thread (`findSent`) before any second attempt.
 */
export class FacebookConnector extends ClosableConnector implements Connector {
  readonly platform = 'facebook';
  readonly limits = FACEBOOK_LIMITS;
  readonly idempotencyWindowMs = 0;
  readonly moderation: readonly ModerationAction[];
  private readonly http: GraphHttp;
  private readonly session: PageSession;
  private readonly comments: CommentsStream;
  private readonly messages: MessagesStream;
  private readonly recheck: FacebookRecheck;

  constructor(
    origin: string,
    secret: FacebookSecret,
    private readonly io: Pick<ConnectorIo, 'fetch' | 'now' | 'saveSecret'>,
  ) {
    super('The Facebook connector was closed.');
    this.http = new GraphHttp({ origin, fetch: io.fetch, now: io.now });
    this.session = new PageSession(this.http, secret, io);
    this.moderation = facebookModeration(secret.tasks);
    this.comments = new CommentsStream(this.session, this.session.page);
    this.messages = new MessagesStream(this.session, this.session.page);
    this.recheck = new FacebookRecheck(this.session, io.now);
  }

  sync(request: SyncRequest): Promise<SyncPage> {
    return syncFacebook({ comments: this.comments, messages: this.messages, recheck: this.recheck }, { ...request, signal: this.signal(request.signal) }, this.io.now());
  }

  reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    return postReply(this.session, this.session.page, request, this.io.now(), this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null | 'unknown'> {
    return findReply(this.session, this.session.page, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnFacebook(this.session, this.session.page, this.moderation, request, this.signal(signal));
  }

  /** Meta's latest usage headers as a percentage left; no budget (Graph calls cost nothing). */
  limitsView(): AccountLimitsView {
    const usage = this.http.usage;
    return { budget: null, rateLimit: usage === null ? null : usageView(usage.value, usage.at), cannot: FACEBOOK_CANNOT };
  }

  check(signal: AbortSignal): Promise<AccountCheck['steps']> {
    return checkFacebook(this.session, this.signal(signal));
  }
}

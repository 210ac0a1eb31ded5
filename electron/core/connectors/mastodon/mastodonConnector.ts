import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { Connector, ModerationDone, ModerationRequest, ReplyLimits, ReplyRequest, SentReply, SyncPage, SyncRequest } from '../connector';
import { BrandLookup } from './mastodonBrand';
import { MastodonHttp } from './mastodonHttp';
import { DEFAULT_MAX_CHARACTERS, MASTODON_IDEMPOTENCY_MS, mastodonLimits, readInstance, type InstanceFacts } from './mastodonInstance';
import { MASTODON_MODERATION, moderateOnMastodon } from './mastodonModeration';
import { Rechecker } from './mastodonRecheck';
import { findReply, postReply } from './mastodonReply';
import { syncMastodon } from './mastodonSync';
import { ClosableConnector } from '../closableConnector';

export type MastodonConnectorOptions = { origin: string; accessToken: string; fetch: typeof fetch; now: () => number };

/**
 * One Mastodon (or Mastodon-API) account. Its server's limit and whether it honours
 * `Idempotency-Key` are read once, on the first sync or reply; until then the connector assumes
 * 500 characters and no idempotency (the outbox then asks `findSent`, which is always safe).
 */
export class MastodonConnector extends ClosableConnector implements Connector {
  readonly platform = 'mastodon';
  readonly moderation: readonly ModerationAction[] = MASTODON_MODERATION;
  private readonly http: MastodonHttp;
  private readonly brands: BrandLookup;
  private readonly rechecker: Rechecker;
  private instance: InstanceFacts | null = null;

  constructor(private readonly options: MastodonConnectorOptions) {
    super('The Mastodon connector was closed.');
    this.http = new MastodonHttp({ origin: options.origin, accessToken: options.accessToken, fetch: options.fetch, now: options.now });
    this.brands = new BrandLookup(this.http, options.now);
    this.rechecker = new Rechecker(this.http, options.now);
  }

  get limits(): ReplyLimits {
    return mastodonLimits(this.instance?.maxCharacters ?? DEFAULT_MAX_CHARACTERS);
  }

  get idempotencyWindowMs(): number {
    return this.instance?.honoursIdempotencyKey ? MASTODON_IDEMPOTENCY_MS : 0;
  }

  async sync(request: SyncRequest): Promise<SyncPage> {
    const signal = this.signal(request.signal);
    await this.learnInstance(signal);
    return syncMastodon(this.http, this.brands, this.rechecker, this.options.now, { ...request, signal });
  }

  async reply(request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
    await this.learnInstance(this.signal(signal));
    return postReply(this.http, this.brands, request, this.signal(signal));
  }

  findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
    return findReply(this.http, this.brands, request, this.signal(signal));
  }

  moderate(request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
    return moderateOnMastodon(this.http, this.brands, request, this.signal(signal));
  }

  private async learnInstance(signal: AbortSignal): Promise<void> {
    this.instance ??= await readInstance(this.http, signal);
  }
}

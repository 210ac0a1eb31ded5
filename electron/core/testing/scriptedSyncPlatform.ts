import type { Platform } from '../../../shared/domain/platform';
import {
  ConnectorError,
  type Connector,
  type ConnectorAccount,
  type ConnectorFactory,
  type ConnectorIo,
  type SyncPage,
  type ReplyRequest,
  type SyncRequest,
} from '../connectors/connector';
import { DEMO_LIMITS } from '../connectors/demo/demoLimits';

/** Answers a page once the test resolves it, or fails when the pass is aborted meanwhile. */
export type HeldPage = { held: Promise<SyncPage> };

/** What the next sync call does: answer a page, throw an error, or hold until the test lets it go. */
export type SyncStep = Partial<SyncPage> | ConnectorError | HeldPage;

export const emptyPage = (overrides: Partial<SyncPage> = {}): SyncPage => ({ items: [], updates: [], rejected: [], cursors: {}, hasMore: false, progress: null, ...overrides });

/**
 * A Mastodon- or Bluesky-like platform under the test's control behind the real ConnectorFactory: every
 * account it opens answers sync calls from one shared script (an empty page once it runs out),
 * and it keeps what it was opened with and every request it got.
 */
export class ScriptedSyncPlatform implements ConnectorFactory {
  constructor(readonly platform: Platform = 'mastodon') {}

  readonly steps: SyncStep[] = [];
  readonly opened: { account: ConnectorAccount; secret: string; io: ConnectorIo | undefined; connector: Connector & { isClosed: boolean } }[] = [];
  readonly requests: SyncRequest[] = [];
  /** Replies the platform took, from any account. */
  readonly replies: ReplyRequest[] = [];

  /** `io`: what the core gave the connector (its app, its usage meter); tests that open one directly give none. */
  open(account: ConnectorAccount, secret: string, io?: ConnectorIo): Connector {
    const connector = {
      platform: this.platform,
      limits: DEMO_LIMITS[this.platform],
      idempotencyWindowMs: 0,
      moderation: [],
      isClosed: false,
      sync: (request: SyncRequest) => this.answer(request),
      reply: async (request: ReplyRequest) => {
        this.replies.push(request);
        return { externalId: `reply-${this.replies.length}`, createdAt: Date.now(), permalink: null };
      },
      findSent: () => Promise.reject(notScripted()),
      moderate: () => Promise.reject(notScripted()),
      close() {
        this.isClosed = true;
      },
    };
    this.opened.push({ account, secret, io, connector });
    return connector;
  }

  /** A page the test hands over later with `release`. */
  hold(): { release: (page: Partial<SyncPage>) => void } {
    let release: (page: SyncPage) => void = () => {};
    this.steps.push({ held: new Promise<SyncPage>((resolve) => (release = resolve)) });
    return { release: (page) => release(emptyPage(page)) };
  }

  private async answer(request: SyncRequest): Promise<SyncPage> {
    this.requests.push(request);
    const step = this.steps.shift() ?? {};
    if (step instanceof ConnectorError) throw step;
    if (!('held' in step)) return emptyPage(step);
    return Promise.race([
      step.held,
      new Promise<never>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true })),
    ]);
  }
}

const notScripted = () => new ConnectorError('Scripted sync platform: only sync and replies are scripted.', 'permanent');

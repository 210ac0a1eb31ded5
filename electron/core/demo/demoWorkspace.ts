import type { DemoStatus } from '../../../shared/api/demo';
import { DEMO_ACCOUNTS } from '../connectors/demo/demoBrand';
import { DemoConnector } from '../connectors/demo/demoConnector';
import type { CoreContext } from '../coreContext';
import { cursorsOf, ensureAccount, listAccounts, removeDemoAccounts, saveCursors } from '../store/accounts';
import { setDemoRemovedAt } from '../accounts/accountsSettings';
import { recordSyncSuccess } from '../store/accountStatus';
import { seedDemoTemplates } from '../templates/demoTemplates';
import { startLoop, type Loop } from '../timers/loop';
import { recordDemoSenders } from './demoTeammates';

export type DemoSettings = {
  seed: number;
  /** New items per minute per demo account once the backlog is in. */
  ratePerMinute: number;
  /** Items each demo account starts with, spread over the last `backlogWindowMs`. */
  backlogCount: number;
  backlogWindowMs: number;
  pollIntervalMs: number;
};

export const DEFAULT_DEMO_SETTINGS: DemoSettings = {
  seed: 2026,
  ratePerMinute: 2,
  backlogCount: 120,
  backlogWindowMs: 3 * 24 * 3_600_000,
  pollIntervalMs: 5_000,
};

const PAGE_SIZE = 200;

/**
 * The demo workspace: one demo account per platform, fed by demo connectors through the
 * real ingest pipeline, exactly as real accounts will be. Accounts are flagged `is_demo`.
 */
export class DemoWorkspace {
  private loop: Loop | null = null;
  private connectors: { accountId: string; connector: DemoConnector }[] = [];

  constructor(
    private readonly ctx: CoreContext,
    private settings: DemoSettings = DEFAULT_DEMO_SETTINGS,
  ) {}

  start(overrides: Partial<Pick<DemoSettings, 'seed' | 'ratePerMinute'>> = {}): DemoStatus {
    this.stop();
    this.settings = { ...this.settings, ...overrides };
    const startedAt = this.ctx.clock();
    // Started again by the person: it comes back on later starts too.
    setDemoRemovedAt(this.ctx.db, null);
    seedDemoTemplates(this.ctx.db, startedAt);
    this.connectors = DEMO_ACCOUNTS.map((demoAccount) => {
      const account = ensureAccount(this.ctx.db, { ...demoAccount, isDemo: true }, startedAt);
      const connector = new DemoConnector({
        seed: this.settings.seed,
        platform: demoAccount.platform,
        startedAt,
        backlogCount: this.settings.backlogCount,
        backlogWindowMs: this.settings.backlogWindowMs,
        ratePerMinute: this.settings.ratePerMinute,
        pageSize: PAGE_SIZE,
        now: this.ctx.clock,
      });
      this.ctx.connectors.register(account.id, connector);
      return { accountId: account.id, connector };
    });
    // A failed poll (a connector's bug, the database busy) is logged and retried later, never fatal.
    this.loop = startLoop({ name: 'The demo workspace poll', everyMs: this.settings.pollIntervalMs, log: this.ctx.log, run: () => this.pollOnce() });
    return this.status();
  }

  stop(): DemoStatus {
    this.loop?.stop();
    this.loop = null;
    return this.status();
  }

  remove(): number {
    this.stop();
    this.connectors.forEach(({ accountId }) => this.ctx.connectors.unregister(accountId));
    this.connectors = [];
    const removed = removeDemoAccounts(this.ctx.db);
    setDemoRemovedAt(this.ctx.db, this.ctx.clock());
    this.ctx.events.emit('inbox.changed', { conversationIds: [], everything: true });
    return removed;
  }

  status(): DemoStatus {
    return { isRunning: this.loop !== null, accountIds: listAccounts(this.ctx.db, { demoOnly: true }).map((account) => account.id) };
  }

  /** Polls every demo account until nothing more is due; returns how many items came in. */
  async pollOnce(): Promise<number> {
    let total = 0;
    for (const { accountId, connector } of this.connectors) {
      for (;;) {
        const page = await connector.sync({ cursors: cursorsOf(this.ctx.db, accountId), signal: AbortSignal.timeout(60_000), backfillSince: 0, recheck: [] });
        if (page.items.length === 0) break;
        total += this.ctx.db.transaction(() => {
          const { inserted } = this.ctx.ingest({ accountId, items: page.items, source: `demo:${connector.platform}` });
          recordDemoSenders(this.ctx.db, accountId, page.items);
          return inserted;
        })();
        // The cursor only moves once the page is stored: a crash replays it, and replays are idempotent.
        saveCursors(this.ctx.db, accountId, page.cursors, this.ctx.clock());
      }
      // The Accounts view says when each account last synced, the demo's like the others.
      recordSyncSuccess(this.ctx.db, accountId, this.ctx.clock());
    }
    return total;
  }
}

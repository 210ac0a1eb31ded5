import type { AccountCheck, AccountProblem, AccountView, SyncSummary } from '../../../shared/api/accounts';
import { ApiFailure } from '../../../shared/api/result';
import type { Account } from '../../../shared/domain/entities';
import type { Connector, ConnectorAccount } from '../connectors/connector';
import type { OAuthSignIns } from '../connectors/oauth/oauthSignIns';
import type { BrowserSignIns, SignedIn } from '../connectors/signIn';
import type { CoreContext } from '../coreContext';
import { Secret } from '../secrets/secret';
import { accountSecretName, deleteAccountSecrets, type SecretStore } from '../secrets/secretStore';
import { cursorsOf, ensureAccount, listAccounts, removeAccounts } from '../store/accounts';
import {
  accountStatus,
  accountStatuses,
  activeAccountIds,
  clearNeedsReconnecting,
  markDisconnected,
  markNeedsReconnecting,
  recordProblem,
  setPaused,
  setSyncInterval,
} from '../store/accountStatus';
import type { SyncEngine } from '../sync/syncEngine';
import { backfillDays } from './accountsSettings';
import { CHECK_TIMEOUT_MS, checkAccount } from './accountCheck';
import { toAccountView } from './accountView';
import { setMonthlyBudget } from './monthlyBudget';
import { PlatformApps } from './platformApps';
import { sqliteUsageMeter } from './usageMeter';
import type { AccountPlatforms, BlueskySignIn, RedditScriptSignIn } from './platforms';

/** A newly connected or resumed account syncs at once; at start, accounts are spread over a few seconds (the engine's default). */
const AT_ONCE_MS = 0;
/** However slow the server, a sign-in ends by then with a clear refusal rather than hanging the form. */
export const SIGN_IN_TIMEOUT_MS = 60_000;
const DAY_MS = 86_400_000;

/** A sign-in given to an account on this desktop, or taken away (disconnected, removed). */
export type SignInChange = 'signedIn' | 'signedOut';

/**
 * Real accounts: signing in stores the secret (in the secret store, never in SQLite), opens the
 * account's connector, registers it (which lets its outbox go on) and starts its sync. Pause,
 * resume, disconnect and a refused token close or reopen it the same way.
 */
export class AccountsService {
  private isClosed = false;
  /** Accounts whose connector could not be opened (its secret unreadable, its platform missing): why. */
  private readonly openProblems = new Map<string, string>();
  /** Told of sign-ins given and taken away here: a team hub passes them on to the team. */
  private readonly signInListeners = new Set<(accountId: string, change: SignInChange) => void>();
  /** Settles once the accounts open at start have their connectors (see start). */
  private started: Promise<void> = Promise.resolve();
  /** The person's own app on each wave-2 platform: its sign-in and its connectors' token refresh need it. */
  readonly apps: PlatformApps;

  constructor(
    private readonly ctx: CoreContext,
    private readonly engine: SyncEngine,
    private readonly platforms: AccountPlatforms,
    private readonly secrets: () => Promise<SecretStore>,
  ) {
    ctx.connectors.onRefused((accountId, message) => this.refused(accountId, message));
    this.apps = new PlatformApps(ctx.db, () => this.secretStore(), ctx.clock);
  }

  list(): AccountView[] {
    const statuses = accountStatuses(this.ctx.db);
    return listAccounts(this.ctx.db).flatMap((account) => {
      const status = statuses.get(account.id);
      if (!status) return [];
      const limits = this.ctx.connectors.find(account.id)?.limitsView?.() ?? null;
      return [toAccountView(account, status, this.engine.live(account.id), this.openProblems.get(account.id) ?? null, limits)];
    });
  }

  view(accountId: string): AccountView {
    const view = this.list().find((account) => account.id === accountId);
    if (!view) throw new ApiFailure('not_found', `No account with id ${accountId}.`);
    return view;
  }

  /** Signs in with an app password (the platform's own check); a refusal passes through with its reason. */
  async connectBluesky(input: Parameters<BlueskySignIn>[0]): Promise<AccountView> {
    const signIn = this.platforms.signIns.bluesky;
    if (!signIn) throw new ApiFailure('unavailable', 'Signing in to Bluesky is not available in this build.');
    return this.connect(await signIn(input, AbortSignal.timeout(SIGN_IN_TIMEOUT_MS)));
  }

  /** The browser sign-in of Mastodon-API servers. */
  mastodon(): BrowserSignIns {
    const signIns = this.platforms.signIns.mastodon;
    if (!signIns) throw new ApiFailure('unavailable', 'Signing in to Mastodon is not available in this build.');
    return signIns;
  }

  /** The browser sign-in of the wave-2 platforms (OAuth with the person's own app). */
  oauth(): OAuthSignIns {
    const signIns = this.platforms.signIns.oauth;
    if (!signIns) throw new ApiFailure('unavailable', 'Signing in with a platform app is not available in this build.');
    return signIns;
  }

  /** Reddit's password sign-in with a script app (the fallback for one's own account). */
  redditScript(): RedditScriptSignIn {
    const signIn = this.platforms.signIns.redditScript;
    if (!signIn) throw unavailable('Reddit');
    return signIn;
  }

  /** Ends a waiting sign-in, whichever flow it belongs to (its id says so); an unknown one is already over. */
  cancelSignIn(signInId: string): void {
    const oauth = this.platforms.signIns.oauth;
    if (oauth?.has(signInId)) oauth.cancel(signInId);
    else this.platforms.signIns.mastodon?.cancel(signInId);
  }

  /** Whether this build connects the platform: it has its connector (a wave-2 one also needs its provider in `oauth`, wired with it). */
  canConnect(platform: Account['platform']): boolean {
    return this.platforms.factories[platform] !== undefined;
  }

  /** One OAuth sign-in may give several accounts (each Facebook Page the person manages): each is connected in turn. */
  async connectAll(signedIns: readonly SignedIn[]): Promise<AccountView[]> {
    const views: AccountView[] = [];
    for (const signedIn of signedIns) views.push(await this.connect(signedIn));
    return views;
  }

  /** A finished sign-in: a new account, or the same identity signing in again (a reconnection, history kept). */
  async connect(signedIn: SignedIn): Promise<AccountView> {
    if (!this.platforms.factories[signedIn.platform]) throw unavailable(signedIn.platform);
    const { platform, externalId, name, handle, server } = signedIn;
    const account = ensureAccount(this.ctx.db, { platform, externalId, name, handle, server, isDemo: false }, this.ctx.clock());
    // Signing in is asking for the account to run: a paused one resumes.
    setPaused(this.ctx.db, account.id, false, this.ctx.clock());
    const store = await this.secretStore();
    await store.set(secretName(account.id), new Secret(signedIn.secret));
    this.signInChanged(account.id, 'signedIn');
    this.engine.stop(account.id);
    if (!(await this.openConnector(account, signedIn.secret, store))) throw new ApiFailure('unavailable', 'Pieuvre closed while the account was being connected; its sign-in is kept.');
    this.engine.start(account.id, AT_ONCE_MS);
    this.changed(account.id);
    return this.view(account.id);
  }

  /**
   * At start, once the database may be written: every account that should sync gets its connector
   * from its stored secret; one that cannot says why and the rest go on. Platforms this build has
   * no connector for are left alone. A sync asked for meanwhile waits for it.
   */
  start(whenWritable: Promise<boolean>): void {
    this.started = whenWritable
      .then((isWritable) => (isWritable ? this.openAll() : undefined))
      .catch((error: unknown) => {
        if (!this.isClosed) this.ctx.log.error('Opening the accounts at start failed.', { err: error });
      });
  }

  /**
   * Stops as soon as the session is closed: a core closed before this ran (a script that opens,
   * fills and closes one at once) or while an account's secret was being read has nothing left
   * to open, and its database is gone.
   */
  private async openAll(): Promise<void> {
    if (this.isClosed) return;
    const platforms = new Set(Object.keys(this.platforms.factories));
    for (const accountId of activeAccountIds(this.ctx.db, platforms)) {
      if (this.isClosed) return;
      try {
        if (await this.reopen(accountId)) this.engine.start(accountId);
      } catch (error) {
        if (!this.isClosed) this.cannotOpen(accountId, error);
      }
    }
  }

  pause(accountId: string): AccountView {
    this.realAccount(accountId);
    setPaused(this.ctx.db, accountId, true, this.ctx.clock());
    this.engine.stop(accountId);
    this.ctx.connectors.unregister(accountId);
    this.changed(accountId);
    return this.view(accountId);
  }

  async resume(accountId: string): Promise<AccountView> {
    this.realAccount(accountId);
    setPaused(this.ctx.db, accountId, false, this.ctx.clock());
    const status = accountStatus(this.ctx.db, accountId);
    if (status && !status.needsReconnecting && status.disconnectedAt === null) {
      try {
        if (await this.reopen(accountId)) this.engine.start(accountId, AT_ONCE_MS);
      } catch (error) {
        this.cannotOpen(accountId, error);
      }
    }
    this.changed(accountId);
    return this.view(accountId);
  }

  /**
   * The account's sign-in came from the team (opened from the hub into the secret store, as its
   * lease came here): its connector reopens with it and it syncs at once, even if this desktop
   * was waiting for a sign-in of its own. A paused or disconnected account stays so.
   */
  async reconnectWithStoredSecret(accountId: string): Promise<void> {
    const status = accountStatus(this.ctx.db, accountId);
    if (!status || status.isDemo || status.isPaused || status.disconnectedAt !== null) return;
    clearNeedsReconnecting(this.ctx.db, accountId, this.ctx.clock());
    this.engine.stop(accountId);
    this.ctx.connectors.unregister(accountId);
    try {
      if (await this.reopen(accountId)) this.engine.start(accountId, AT_ONCE_MS);
    } catch (error) {
      this.cannotOpen(accountId, error);
    }
    this.changed(accountId);
  }

  /**
   * A teammate disconnected the account on their desktop, and the team hub dropped its sign-in
   * here too: it stops, and waits for a sign-in as one whose access was lost, saying whose
   * desktop it was (the problem's message: their name, or empty). Signing in again brings it back for the team.
   */
  withdrawnByTeammate(accountId: string, byName: string | null): void {
    const message = byName ?? '';
    markNeedsReconnecting(this.ctx.db, accountId, { code: 'withdrawn', message, at: this.ctx.clock() });
    this.engine.stop(accountId);
    this.ctx.connectors.unregister(accountId);
    this.openProblems.delete(accountId);
    this.changed(accountId);
  }

  setSyncInterval(accountId: string, ms: number): AccountView {
    this.realAccount(accountId);
    setSyncInterval(this.ctx.db, accountId, ms, this.ctx.clock());
    this.engine.reschedule(accountId);
    this.changed(accountId);
    return this.view(accountId);
  }

  async syncNow(accountId: string): Promise<SyncSummary> {
    this.realAccount(accountId);
    await this.started;
    return this.engine.syncNow(accountId);
  }

  /** X's pay-per-use: the most the account may spend in a month (USD), or no limit. */
  setMonthlyBudget(accountId: string, usd: number | null): AccountView {
    setMonthlyBudget(this.ctx.db, this.realAccount(accountId), usd, this.ctx.clock());
    this.changed(accountId);
    return this.view(accountId);
  }

  /**
   * A live, read-only check of a real account on its platform, with a connector of its own
   * (whatever the account's sync is doing, paused or waiting for a reconnection included).
   */
  async check(accountId: string): Promise<AccountCheck> {
    const account = this.realAccount(accountId);
    const from = { cursors: cursorsOf(this.ctx.db, accountId), backfillSince: this.ctx.clock() - backfillDays(this.ctx.db) * DAY_MS };
    return checkAccount(accountId, () => this.openDetached(account), from, AbortSignal.timeout(CHECK_TIMEOUT_MS));
  }

  /**
   * Forgets the account's secret and closes its connector. Keeping the history leaves it listed
   * as disconnected (its queued replies wait for a reconnection); otherwise it goes with
   * everything it brought, its queued replies included.
   */
  async disconnect(accountId: string, keepHistory: boolean): Promise<void> {
    const account = this.view(accountId);
    if (account.isDemo && keepHistory) throw new ApiFailure('conflict', 'A demo account cannot be disconnected: remove the demo, or delete this account with its history.');
    if (!account.isDemo) await deleteAccountSecrets(await this.secretStore(), accountId);
    this.engine.stop(accountId);
    this.ctx.connectors.unregister(accountId);
    this.openProblems.delete(accountId);
    // A team desktop keeps the withdrawal for the hub in the same transaction (#14 §4): quitting
    // right after cannot leave the account disconnected here and its token shared with the team.
    this.ctx.db.transaction(() => {
      if (!account.isDemo) this.signInChanged(accountId, 'signedOut');
      if (keepHistory) markDisconnected(this.ctx.db, accountId, this.ctx.clock());
      else removeAccounts(this.ctx.db, [accountId]);
    })();
    if (!keepHistory) this.ctx.events.emit('inbox.changed', { conversationIds: [], everything: true });
    this.changed(accountId);
  }

  onSignInChanged(listener: (accountId: string, change: SignInChange) => void): () => void {
    this.signInListeners.add(listener);
    return () => this.signInListeners.delete(listener);
  }

  private signInChanged(accountId: string, change: SignInChange): void {
    for (const listener of this.signInListeners) listener(accountId, change);
  }

  /** The session closes: every sync stops (the registry closes the connectors; pending sign-ins outlive a restore). */
  close(): void {
    this.isClosed = true;
    this.engine.stopAll();
  }

  /** The platform refused the token (the registry already dropped the connector): the account waits for a new sign-in. */
  private refused(accountId: string, message: string): void {
    const problem: AccountProblem = { code: 'auth', message, at: this.ctx.clock() };
    markNeedsReconnecting(this.ctx.db, accountId, problem);
    this.engine.stop(accountId);
    this.changed(accountId);
  }

  /** Opens the connector from the stored secret; false when there is none (the account then needs a new sign-in). */
  private async reopen(accountId: string): Promise<boolean> {
    const account = listAccounts(this.ctx.db).find((candidate) => candidate.id === accountId);
    if (!account) return false;
    if (!this.platforms.factories[account.platform]) throw unavailable(account.platform);
    const store = await this.secretStore();
    const secret = await store.get(secretName(accountId));
    if (!secret) {
      const message = 'Pieuvre no longer has this account’s sign-in. Sign in again to reconnect it; nothing was lost.';
      markNeedsReconnecting(this.ctx.db, accountId, { code: 'auth', message, at: this.ctx.clock() });
      this.changed(accountId);
      return false;
    }
    return this.openConnector(account, secret.reveal(), store);
  }

  /** False when the session closed while the connector was opening (its code loads first): nothing then runs on it. */
  private async openConnector(account: Account, secret: string, store: SecretStore): Promise<boolean> {
    const connector = await this.connectorFor(account, secret, store);
    if (this.isClosed) {
      connector.close();
      return false;
    }
    this.openProblems.delete(account.id);
    this.ctx.connectors.register(account.id, connector);
    return true;
  }

  /** A connector on the stored sign-in that nothing else runs on (a live check); its caller closes it. */
  private async openDetached(account: Account): Promise<Connector> {
    const store = await this.secretStore();
    const secret = await store.get(secretName(account.id));
    if (!secret) throw new Error('Pieuvre has no sign-in stored for this account: reconnect it.');
    return this.connectorFor(account, secret.reveal(), store);
  }

  /** The account's connector with what it may use: a refreshed token goes back to the secret store, each call's cost to the usage meter. */
  private async connectorFor(account: Account, secret: string, store: SecretStore): Promise<Connector> {
    const factory = this.platforms.factories[account.platform];
    if (!factory) throw unavailable(account.platform);
    const connectorAccount: ConnectorAccount = { ...account, server: accountStatus(this.ctx.db, account.id)?.server ?? null };
    return factory.open(connectorAccount, secret, {
      now: this.ctx.clock,
      saveSecret: (refreshed) => store.set(secretName(account.id), new Secret(refreshed)),
      fetch: globalThis.fetch,
      app: await this.apps.credentials(account.platform),
      usage: sqliteUsageMeter(this.ctx.db, account.id, this.ctx.clock),
    });
  }

  private cannotOpen(accountId: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `Pieuvre could not open this account (${detail}). Check that the secrets file can be read, then resume the account or sign in again.`;
    this.ctx.log.error('An account could not be opened; the others go on.', { accountId, err: error });
    this.openProblems.set(accountId, message);
    recordProblem(this.ctx.db, accountId, { code: 'unexpected', message, at: this.ctx.clock() });
    this.changed(accountId);
  }

  private async secretStore(): Promise<SecretStore> {
    try {
      return await this.secrets();
    } catch (error) {
      throw new ApiFailure('unavailable', `Pieuvre’s secrets could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The demo's accounts are run by the demo workspace, not by sync: only real ones are paused, resumed or synced here. */
  private realAccount(accountId: string): AccountView {
    const account = this.view(accountId);
    if (account.isDemo) throw new ApiFailure('conflict', 'The demo’s accounts are run from the demo workspace, not synced.');
    return account;
  }

  private changed(accountId: string): void {
    this.ctx.events.emit('accounts.changed', { accountIds: [accountId] });
  }
}

const secretName = (accountId: string) => accountSecretName(accountId, 'session');

const unavailable = (platform: string) => new ApiFailure('unavailable', `Connecting ${platform} accounts is not available in this build.`);

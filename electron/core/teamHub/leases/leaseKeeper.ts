import type { HubLease } from '../../../../shared/api/hub';
import type { Clock } from '../../clock';
import type { HubClient } from '../../hub/hubClient';
import type { Lease } from '../../hub/leases';
import type { TeamKey } from '../../hub/teamKey';
import type { Logger } from '../../log/logger';
import type { SecretStore } from '../../secrets/secretStore';
import { listAccounts } from '../../store/accounts';
import { accountStatuses } from '../../store/accountStatus';
import type { Db } from '../../store/database';
import type { AccountGate } from './accountGate';
import type { SignInChange } from '../../accounts/accountsService';
import { AccountWithdrawals } from './accountWithdrawals';
import { askingOrder, isWorthAsking } from './leaseShare';
import { accountsWithSecrets, adoptSharedSecrets, openSharedSecrets, shareSecrets, type SharedSecrets } from './sharedAccountSecrets';
import { TeamAccountIds } from './teamAccountIds';
import { dropWithdrawnSignIns, type WithdrawnBy } from './withdrawnElsewhere';

/**
 * A lease lasts this long on the hub unless renewed: a desktop that crashes or quits without
 * releasing is replaced after at most this plus one round (issue #14: within 30 s).
 */
export const LEASE_TTL_MS = 15_000;
/** Renewals and asks for other accounts, this often: three renewals per lease, so one lost does not lose it. */
export const ROUND_MS = 5_000;

export type LeaseKeeperOptions = {
  db: Db;
  client: HubClient;
  clock: Clock;
  log: Logger;
  secrets: () => Promise<SecretStore>;
  teamKey: () => TeamKey;
  /** What this desktop holds (or knows of the others' leases) changed: the account gate and status follow. */
  onChange(): void;
  /** The account's secrets came from the hub, different from this desktop's: it reconnects with them before polling. */
  onSecretsAdopted?(accountId: string): Promise<void>;
  /** A teammate disconnected the account on their desktop (`byName`), and this one dropped its sign-in: the account says so. */
  onWithdrawnElsewhere?(accountId: string, byName: string | null): void;
  /** Shorter leases and rounds for tests (the hub accepts leases from 100 ms). */
  timing?: { ttlMs: number; roundMs: number };
};

/**
 * `validUntil`, by this desktop's clock: past it, the hub may have given the lease to another.
 * `teamId`: the account's id on the hub when the lease was taken (teamAccountIds.ts).
 */
type Held = { validUntil: number; teamId: string };
type Teammate = { lease: Lease };

/**
 * Keeps this desktop's leases on the team hub: for every real account whose secrets it has (or
 * can open from the hub), it asks for the lease as leaseShare.ts says, renews what it holds every
 * round, and releases all on stop. It holds an account only while a renewal is known to have
 * reached the hub less than a lease ago by its own clock, which runs no later than the hub's
 * view of it: an unreachable hub, or a renewal refused (another desktop took the lease), ends
 * the work on that account at once, before anyone else may start it.
 */
export class LeaseKeeper implements AccountGate {
  private readonly held = new Map<string, Held>();
  private readonly teammates = new Map<string, Teammate>();
  private readonly lastAsked = new Map<string, number>();
  /** Accounts withdrawn from the team, as of the last round (withdrawnElsewhere.ts). */
  private withdrawnBy: WithdrawnBy = new Map();
  /** Sealed secrets already said not to open (logged once each, not every round). */
  private readonly unopenedWarned = new Set<string>();
  private round = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lapseTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private isStopped = false;

  private readonly ttlMs: number;
  private readonly roundMs: number;
  private readonly withdrawals: AccountWithdrawals;
  private readonly ids: TeamAccountIds;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.ttlMs = options.timing?.ttlMs ?? LEASE_TTL_MS;
    this.roundMs = options.timing?.roundMs ?? ROUND_MS;
    this.ids = new TeamAccountIds(options.db);
    this.withdrawals = new AccountWithdrawals({ ...options, ids: this.ids });
  }

  /**
   * The account was signed in or out (disconnected, removed) here: the hub withdraws it from the
   * team, or lifts that (see accountWithdrawals.ts). Signed out, this desktop stops working it at once.
   * The change is kept in SQLite before this returns: call it inside the disconnection's transaction.
   */
  signInChanged(accountId: string, change: SignInChange): Promise<void> {
    if (change === 'signedOut' && this.held.delete(accountId)) this.changed();
    return this.withdrawals.note(accountId, change);
  }

  start(): void {
    this.isStopped = false;
    this.runRound();
  }

  holds(accountId: string): boolean {
    const held = this.held.get(accountId);
    return held !== undefined && this.options.clock() < held.validUntil;
  }

  mayWork(accountId: string): boolean {
    return this.holds(accountId);
  }

  /** Every real account, with who holds it as far as this desktop knows. */
  leases(): HubLease[] {
    return listAccounts(this.options.db)
      .filter((account) => !account.isDemo)
      .map((account): HubLease => {
        const mine = this.holds(account.id) ? this.held.get(account.id) : undefined;
        // Ours runs out no earlier than this on the hub (sent before the hub renewed it).
        if (mine) return { accountId: account.id, accountName: account.name, holder: 'me', holderName: null, expiresAt: mine.validUntil };
        const theirs = this.teammates.get(account.id);
        if (theirs) return { accountId: account.id, accountName: account.name, holder: 'teammate', holderName: theirs.lease.holderName, expiresAt: theirs.lease.expiresAt };
        const withdrawnBy = this.withdrawnBy.get(account.id);
        if (withdrawnBy !== undefined) return { accountId: account.id, accountName: account.name, holder: 'withdrawn', holderName: withdrawnBy, expiresAt: null };
        return { accountId: account.id, accountName: account.name, holder: 'nobody', holderName: null, expiresAt: null };
      });
  }

  /**
   * Releases every lease (the desktop quits or leaves): a teammate takes them over at its next
   * round. Work on them stops at once; the hub is given one round's time to hear it, as a hub
   * that stopped answering must not hold up quitting (the leases then simply run out).
   */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.lapseTimer) clearTimeout(this.lapseTimer);
    this.timer = this.lapseTimer = null;
    const accountIds = [...this.held.keys()];
    const teamIds = [...this.held.values()].map((held) => held.teamId);
    this.held.clear();
    this.teammates.clear();
    if (accountIds.length > 0) this.changed();
    const releases = (async () => {
      await this.running;
      for (const teamId of teamIds) await this.options.client.release(teamId);
    })().catch((error: unknown) => this.options.log.warn('Leases could not be released; they run out on their own.', { accountIds, err: error }));
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([releases, new Promise<void>((resolve) => (timeout = setTimeout(resolve, this.roundMs)))]);
    clearTimeout(timeout);
  }

  /** One round now, then one every ROUND_MS; a failed round (the hub unreachable) is logged, and the next one tries again. */
  private runRound(): void {
    if (this.isStopped || this.running) return;
    this.running = this.roundOnce()
      // A round the desktop quit in the middle of may find the database closed: nothing to report.
      .catch((error: unknown) => (this.isStopped ? undefined : this.options.log.warn('A lease round failed; the next one tries again.', { err: error })))
      .finally(() => {
        this.running = null;
        this.dropLapsed();
        if (!this.isStopped) {
          this.timer = setTimeout(() => this.runRound(), this.roundMs);
          this.timer.unref();
        }
      });
  }

  private async roundOnce(): Promise<void> {
    this.round += 1;
    await this.renewHeld();
    if (this.isStopped) return;
    await this.withdrawals.flush();
    const store = await this.options.secrets();
    const shared = await openSharedSecrets(this.options.client, this.options.teamKey(), this.ids);
    this.warnUnopened(shared);
    if (shared.stale.length > 0) await this.options.client.deleteSealedSecrets(shared.stale);
    const withdrawnBy = new Map([...(await this.options.client.withdrawnAccounts())].map(([teamId, name]) => [this.ids.localIdOf(teamId), name]));
    // Stopped while the hub answered: the desktop may have closed its database since.
    if (this.isStopped) return;
    this.forgetWithdrawn(withdrawnBy);
    for (const accountId of await dropWithdrawnSignIns(store, withdrawnBy, (id) => this.withdrawals.isPending(id, 'signedIn'))) {
      this.options.log.info('A teammate disconnected this account on their desktop; this one dropped its sign-in too.', { accountId });
      this.options.onWithdrawnElsewhere?.(accountId, withdrawnBy.get(accountId) ?? null);
    }
    const withdrawn = new Set(withdrawnBy.keys());
    const candidates = await this.workableAccounts(store, shared, withdrawn);
    await this.releaseAllBut(candidates);
    await this.learnHolders(candidates);
    await this.askForOthers(candidates, store, shared);
    if (this.isStopped) return;
    await shareSecrets(this.options.client, this.options.teamKey(), this.ids, store, shared, (accountId) => (withdrawn.has(accountId) ? 'withdrawn' : this.holds(accountId) ? 'held' : 'other'));
  }

  private async renewHeld(): Promise<void> {
    for (const [accountId, held] of [...this.held]) {
      if (this.ids.teamIdOf(accountId) !== held.teamId) {
        await this.lostTeamId(accountId, held);
        continue;
      }
      const sentAt = this.options.clock();
      let isRenewed: boolean;
      try {
        isRenewed = await this.options.client.heartbeat(held.teamId, this.ttlMs);
      } catch (error) {
        // Unreachable: kept only until its time is up (dropLapsed).
        this.options.log.warn('A lease could not be renewed; the account stops when it runs out.', { accountId, err: error });
        continue;
      }
      if (this.isStopped) return;
      if (isRenewed) {
        this.held.set(accountId, { ...held, validUntil: sentAt + this.ttlMs });
      } else {
        this.options.log.warn('Another desktop of the team holds this account’s lease now; this one stops working it.', { accountId });
        this.held.delete(accountId);
        this.changed();
      }
    }
    this.armLapse();
  }

  /**
   * The sync found the account connected apart on another desktop too, with an id below ours:
   * the lease under our old id goes, and the account is asked for again under the team's.
   */
  private async lostTeamId(accountId: string, held: Held): Promise<void> {
    this.options.log.info('This account is the same as one a teammate connected; its lease moves to the team’s id for it.', { accountId, from: held.teamId });
    this.held.delete(accountId);
    this.changed();
    await this.options.client.release(held.teamId);
  }

  /**
   * The real accounts this desktop could work: not paused or disconnected here, nor withdrawn
   * from the team (disconnected on another desktop), with secrets it has or can open from the
   * hub (a teammate polls the others).
   */
  private async workableAccounts(store: SecretStore, shared: SharedSecrets, withdrawn: ReadonlySet<string>): Promise<string[]> {
    const withSecrets = await accountsWithSecrets(store, shared);
    const statuses = accountStatuses(this.options.db);
    return listAccounts(this.options.db)
      .filter((account) => {
        const status = statuses.get(account.id);
        const isSignedOut = withdrawn.has(account.id) || this.withdrawals.isPending(account.id, 'signedOut');
        return !account.isDemo && !isSignedOut && withSecrets.has(account.id) && status !== undefined && !status.isPaused && status.disconnectedAt === null;
      })
      .map((account) => account.id);
  }

  /** An account paused, disconnected or removed here since it took the lease: a teammate may work it. */
  private async releaseAllBut(candidates: readonly string[]): Promise<void> {
    const released = [...this.held].filter(([accountId]) => !candidates.includes(accountId));
    if (released.length === 0) return;
    for (const [accountId] of released) this.held.delete(accountId);
    this.changed();
    for (const [, held] of released) await this.options.client.release(held.teamId);
  }

  /** A withdrawn account's lease went with it: nobody holds it, whoever did before; the list says whose desktop withdrew it. */
  private forgetWithdrawn(withdrawnBy: WithdrawnBy): void {
    const forgotten = [...this.teammates.keys()].filter((accountId) => withdrawnBy.has(accountId));
    for (const accountId of forgotten) this.teammates.delete(accountId);
    const hasListChanged = JSON.stringify([...withdrawnBy]) !== JSON.stringify([...this.withdrawnBy]);
    this.withdrawnBy = withdrawnBy;
    if (forgotten.length > 0 || hasListChanged) this.changed();
  }

  /**
   * Who holds the accounts this desktop does not ask for (paused or disconnected here, or whose
   * token it cannot open yet, such as before a rotated team key reached it): it learns their
   * holders from the hub, or the list would say nobody polls an account a teammate polls.
   */
  private async learnHolders(candidates: readonly string[]): Promise<void> {
    const running = new Map((await this.options.client.leases()).map((lease) => [this.ids.localIdOf(lease.accountId), lease]));
    let hasChanged = false;
    for (const account of listAccounts(this.options.db)) {
      if (candidates.includes(account.id) || this.held.has(account.id)) continue;
      const lease = running.get(account.id);
      const known = this.teammates.get(account.id)?.lease;
      if (lease?.holderDesktopId === known?.holderDesktopId && lease?.holderName === known?.holderName) continue;
      if (lease && lease.holderDesktopId !== this.desktopId) this.teammates.set(account.id, { lease });
      else this.teammates.delete(account.id);
      hasChanged = true;
    }
    if (hasChanged) this.changed();
  }

  private async askForOthers(candidates: readonly string[], store: SecretStore, shared: SharedSecrets): Promise<void> {
    for (const accountId of askingOrder(this.desktopId, candidates)) {
      if (this.isStopped || this.holds(accountId)) continue;
      const teammates = new Set([...this.teammates.values()].map((teammate) => teammate.lease.holderDesktopId));
      const roundsSinceAsked = this.round - (this.lastAsked.get(accountId) ?? -Infinity);
      if (!isWorthAsking({ candidates: candidates.length, heldByMe: this.held.size, teammates, roundsSinceAsked })) continue;
      this.lastAsked.set(accountId, this.round);
      await this.ask(accountId, store, shared);
    }
  }

  private async ask(accountId: string, store: SecretStore, shared: SharedSecrets): Promise<void> {
    const sentAt = this.options.clock();
    const teamId = this.ids.teamIdOf(accountId);
    const answer = await this.options.client.acquireLease(teamId, this.ttlMs);
    if (!answer.isHeld) {
      const known = this.teammates.get(accountId);
      this.teammates.set(accountId, { lease: answer.heldBy });
      if (known?.lease.holderDesktopId !== answer.heldBy.holderDesktopId || known.lease.holderName !== answer.heldBy.holderName) this.changed();
      return;
    }
    // Stopped meanwhile: the lease just taken goes back at once.
    if (this.isStopped) return void (await this.options.client.release(teamId));
    // Its secrets first: the account polls only with the freshest the team has.
    if (await adoptSharedSecrets(store, shared, accountId)) await this.options.onSecretsAdopted?.(accountId);
    this.teammates.delete(accountId);
    this.held.set(accountId, { validUntil: sentAt + this.ttlMs, teamId });
    this.options.log.info('This desktop now polls and sends for the account.', { accountId });
    this.armLapse();
    this.changed();
  }

  private warnUnopened(shared: SharedSecrets): void {
    for (const [name, error] of shared.unopened) {
      if (this.unopenedWarned.has(name)) continue;
      this.unopenedWarned.add(name);
      this.options.log.warn('A sealed account secret on the hub does not open with this desktop’s team key; it is left as it is.', { name, err: error });
    }
  }

  /** Tells whoever follows the leases; a listener's failure is logged, never taken for the hub's. */
  private changed(): void {
    try {
      this.options.onChange();
    } catch (error) {
      this.options.log.error('Acting on a change of leases failed.', { err: error });
    }
  }

  /** Leases whose time ran out here without a renewal: the account stops at once, and the gate is told. */
  private dropLapsed(): void {
    const now = this.options.clock();
    const lapsed = [...this.held].filter(([, held]) => held.validUntil <= now).map(([accountId]) => accountId);
    for (const accountId of lapsed) this.held.delete(accountId);
    if (lapsed.length > 0) {
      this.options.log.warn('Leases ran out without a renewal (the hub is unreachable); their accounts stop here.', { accountIds: lapsed });
      this.changed();
    }
    this.armLapse();
  }

  /** Wakes when the first held lease would run out, whatever a round stuck on the network is doing. */
  private armLapse(): void {
    if (this.lapseTimer) clearTimeout(this.lapseTimer);
    this.lapseTimer = null;
    if (this.isStopped || this.held.size === 0) return;
    const first = Math.min(...[...this.held.values()].map((held) => held.validUntil));
    this.lapseTimer = setTimeout(() => this.dropLapsed(), Math.max(first - this.options.clock(), 0));
    this.lapseTimer.unref();
  }

  private get desktopId(): string {
    return this.options.client.desktopId;
  }
}

import type { HubProblem, HubState } from '../../../shared/api/hub';
import type { CoreContext } from '../coreContext';
import { HUB_QUERY_TIMEOUT_MS, HubClient } from '../hub/hubClient';
import type { HubMember } from '../hub/hubInputs';
import type { TeamKey } from '../hub/teamKey';
import type { WorkspaceMember } from '../hub/workspaceMembers';
import type { SecretStore } from '../secrets/secretStore';
import { hubProblemOf } from './hubProblem';
import type { TeamKeyCourier } from './teamKeyCourier';
import type { CaptureHandle, LeaseKeeperPart, PresencePart, TeamParts, TeamSyncPart } from './teamParts';

export type ConnectionTiming = {
  /** The first wait before trying again after a failure; doubled each time up to `longestRetryMs`. */
  firstRetryMs: number;
  longestRetryMs: number;
  /** How often a connected desktop checks the hub still answers (and refreshes its members). */
  probeEveryMs: number;
  /** A hub call not answered within this fails (the hub stopped answering): see HUB_QUERY_TIMEOUT_MS. */
  queryTimeoutMs: number;
};

export const DEFAULT_TIMING: ConnectionTiming = { firstRetryMs: 1_000, longestRetryMs: 30_000, probeEveryMs: 15_000, queryTimeoutMs: HUB_QUERY_TIMEOUT_MS };

export type ConnectionOptions = {
  context: CoreContext;
  parts: TeamParts;
  secrets: () => Promise<SecretStore>;
  member: HubMember;
  me: { role: string; name: string };
  teamKey: () => TeamKey;
  /** Publishes this desktop's key and brings rotated team keys, at each check. */
  keys: Pick<TeamKeyCourier, 'check'>;
  timing: ConnectionTiming;
  /** State, problem, members, leases or sync figures changed. */
  onChange(): void;
  /** The hub refused this role: the owner removed this teammate. */
  onRemoved(): void;
};

/**
 * One membership's life with the hub: connecting, connected, offline (trying again, waiting
 * longer each time) or removed. Change capture starts at once, even offline, so nothing made
 * meanwhile is lost; sync, leases and presence start once the hub first answers and keep
 * their own connections across outages (the pool and the listener reconnect by themselves).
 */
export class HubConnection {
  state: Exclude<HubState, 'local'> = 'connecting';
  problem: HubProblem | null = null;
  members: WorkspaceMember[] = [];
  client: HubClient | null = null;
  sync: TeamSyncPart | null = null;
  leases: LeaseKeeperPart | null = null;
  presence: PresencePart | null = null;
  private capture: CaptureHandle | null = null;
  private timer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private isStopped = false;
  /** Settles when the first attempt to reach the hub has ended, either way. */
  readonly firstAttempt: Promise<void>;
  private endFirstAttempt = () => {};

  constructor(private readonly options: ConnectionOptions) {
    this.retryMs = options.timing.firstRetryMs;
    this.firstAttempt = new Promise((resolve) => (this.endFirstAttempt = resolve));
  }

  /** `client`: already connected (just created or joined), else this connects. */
  start(client?: HubClient): void {
    const { context, parts, member } = this.options;
    this.capture = parts.startCapture(context.db, { desktopId: member.desktopId, now: context.clock });
    // A part failing to start (a bad row in the queue, say) is a failed attempt like any: it retries.
    if (client) this.connected(client).catch((error: unknown) => this.failed(error, () => void this.connect()));
    else void this.connect();
  }

  private async connect(): Promise<void> {
    try {
      const client = await HubClient.connect(this.options.member, { queryTimeoutMs: this.options.timing.queryTimeoutMs });
      if (this.isStopped) return void (await client.close());
      await this.connected(client);
    } catch (error) {
      this.failed(error, () => void this.connect());
    }
  }

  private async connected(client: HubClient): Promise<void> {
    this.client = client;
    const { context, parts, secrets, teamKey, me, member } = this.options;
    const { db, clock, log, events } = context;
    const onChange = () => this.options.onChange();
    this.sync = parts.newSync({
      db,
      client,
      clock,
      log,
      onApplied: (result) => events.emit('inbox.changed', result),
      onAlsoAssigned: (event) => events.emit('hub.alsoAssigned', event),
      onStats: onChange,
      // Checked at once: the indicator says offline then, not at the next probe (up to 15 s later).
      onNoticesLost: () => {
        if (this.state === 'connected') void this.probe();
      },
    });
    this.leases = parts.newLeases({ db, client, clock, log, secrets, teamKey, onChange });
    this.sync.start();
    this.leases.start();
    void parts
      .openPresence({ member, me, clock, onChange: (list) => events.emit('hub.presence', list) })
      .then(async (presence) => (this.isStopped ? presence.close() : void (this.presence = presence)))
      .catch((error: unknown) => log.warn('Team presence could not start; the rest of the team hub runs.', { err: error }));
    await this.probe();
  }

  /** Asks the hub for the members: the connection's health check, and the members list. */
  async probe(): Promise<void> {
    clearTimeout(this.timer);
    if (this.isStopped || !this.client) return;
    try {
      const members = await this.client.members();
      if (this.isStopped) return;
      // Row-level security hides the workspace from a removed teammate's open session.
      if (!members.some((member) => member.role === this.options.me.role)) return void this.removed('This teammate was removed from the workspace.');
      const haveMembersChanged = JSON.stringify(members) !== JSON.stringify(this.members);
      this.members = members;
      const keyProblem = await this.options.keys.check(this.client, haveMembersChanged);
      if (this.isStopped) return;
      this.retryMs = this.options.timing.firstRetryMs;
      this.setState('connected', keyProblem);
      if (haveMembersChanged) this.options.onChange();
      this.timer = setTimeout(() => void this.probe(), this.options.timing.probeEveryMs);
      this.endFirstAttempt();
    } catch (error) {
      this.failed(error, () => void this.probe());
    }
  }

  private failed(error: unknown, retry: () => void): void {
    if (this.isStopped) return;
    const problem = hubProblemOf(error);
    if (problem.code === 'removed') return void this.removed(problem.message);
    this.options.context.log.warn('The team hub did not answer; trying again.', { code: problem.code, retryMs: this.retryMs });
    this.setState('offline', problem);
    this.timer = setTimeout(retry, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, this.options.timing.longestRetryMs);
    this.endFirstAttempt();
  }

  private async removed(message: string): Promise<void> {
    this.setState('removed', { code: 'removed', message });
    this.options.onRemoved();
    await this.stop();
  }

  private setState(state: HubConnection['state'], problem: HubProblem | null): void {
    const hasChanged = state !== this.state || problem?.code !== this.problem?.code;
    this.state = state;
    this.problem = problem;
    if (hasChanged) this.options.onChange();
  }

  /** Stops capture, sync, leases (letting them go) and presence, and closes the connection. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.capture?.stop();
    this.capture = null;
    const { sync, leases, presence, client } = this;
    this.sync = this.leases = this.presence = this.client = null;
    const log = this.options.context.log;
    const settle = (what: string) => (error: unknown) => log.warn(`The team hub's ${what} did not stop cleanly.`, { err: error });
    await Promise.all([sync?.stop().catch(settle('sync')), leases?.stop().catch(settle('leases')), presence?.close().catch(settle('presence'))]);
    await client?.close().catch(settle('connection'));
    this.endFirstAttempt();
  }
}

import pg from 'pg';
import { listenForChanges, type ChangeListener, type ChangeNotice, type ListenState } from './changeListener';
import { pullChanges, pushChanges, type LoggedChange, type LoggedSeq } from './changeLog';
import { connectionConfig } from './hubAddress';
import { hubMemberSchema, type Change, type HubMember } from './hubInputs';
import { checkHubSchema } from './hubMigrate';
import type { KeyEnvelope } from './keyEnvelope';
import { newerEnvelope, publishPublicKey } from './keyEnvelopes';
import { acquireLease, currentLeases, heartbeat, releaseLease, type Lease, type LeaseAnswer } from './leases';
import { deleteSealedSecrets, putSealedSecret, rotateSealedSecrets, sealedSecrets } from './sealedSecrets';
import type { SealedSecret, TeamKey } from './teamKey';
import { restoreAccount, withdrawAccount, withdrawnAccounts } from './withdrawnAccounts';
import { workspaceMembers, workspaceName, type WorkspaceMember } from './workspaceMembers';

/**
 * The longest a statement on the hub may take, and a connection to it. Every statement a
 * desktop sends takes milliseconds; a hub that stops answering (a dead network path that keeps
 * the TCP connection open, a server stuck) would otherwise hold a sync round, a lease renewal or
 * the connection check forever, and the team state would say "connected". Past this the call
 * fails, the connection turns offline and tries again. A few seconds: under a lease's 15 s (a
 * stuck renewal fails while the lease still runs), and far over a 500-change push or pull on a
 * slow link or a busy server, which must not be cut.
 */
export const HUB_QUERY_TIMEOUT_MS = 8_000;

export type HubClientOptions = {
  /** HUB_QUERY_TIMEOUT_MS unless a test needs to see it pass sooner. */
  queryTimeoutMs?: number;
};

/**
 * One desktop's connection to its workspace on the team hub, as the teammate's own role (the
 * hub's row-level security keeps it inside the workspace whatever it asks). Every input is
 * checked before it is sent.
 */
export class HubClient {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.ClientConfig,
    private readonly member: HubMember,
  ) {}

  /** Connects and checks the hub's schema is the one this app speaks (HubSchemaError if not). */
  static async connect(member: HubMember, options: HubClientOptions = {}): Promise<HubClient> {
    const parsed = hubMemberSchema.parse(member);
    const config = connectionConfig(parsed.url, parsed);
    const timeoutMs = options.queryTimeoutMs ?? HUB_QUERY_TIMEOUT_MS;
    // query_timeout: this side gives up (a hub that never answers); statement_timeout: the
    // server stops the statement too, so a cut call leaves no work running there.
    const pool = new pg.Pool({ ...config, max: 3, query_timeout: timeoutMs, statement_timeout: timeoutMs, connectionTimeoutMillis: timeoutMs });
    // An idle connection the server drops is discarded by the pool; without a listener its
    // error would end the process.
    pool.on('error', () => {});
    // A connection checked out of the pool has no such listener (pg-pool removes it): one the
    // server drops mid-transaction (a withdrawal as the network goes) would end the process
    // too. Its query fails all the same, and the caller hears it from there.
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      const client = await pool.connect();
      try {
        await checkHubSchema(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new HubClient(pool, config, parsed);
  }

  /** This installation, as the leases name their holder. */
  get desktopId(): string {
    return this.member.desktopId;
  }

  private get scope() {
    return { workspaceId: this.member.workspaceId, desktopId: this.member.desktopId };
  }

  /** Idempotent: a change pushed twice is logged once. Returns where each new one was logged. */
  push(changes: readonly Change[]): Promise<LoggedSeq[]> {
    return pushChanges(this.pool, this.scope, changes);
  }

  pull(afterSeq: number, limit: number): Promise<LoggedChange[]> {
    return pullChanges(this.pool, this.member.workspaceId, afterSeq, limit);
  }

  /** Calls `onChange` when the log grows, and after each (re)connection; see changeListener.ts. */
  listen(onChange: (notice: ChangeNotice) => void, onState?: (state: ListenState, error?: Error) => void): ChangeListener {
    return listenForChanges(this.config, this.member.workspaceId, onChange, onState);
  }

  acquireLease(accountId: string, ttlMs: number): Promise<LeaseAnswer> {
    return acquireLease(this.pool, this.scope, accountId, ttlMs);
  }

  heartbeat(accountId: string, ttlMs: number): Promise<boolean> {
    return heartbeat(this.pool, this.scope, accountId, ttlMs);
  }

  /** The workspace's running leases, whoever holds them. */
  leases(): Promise<Lease[]> {
    return currentLeases(this.pool, this.scope);
  }

  release(accountId: string): Promise<void> {
    return releaseLease(this.pool, this.scope, accountId);
  }

  putSealedSecret(sealed: SealedSecret): Promise<void> {
    return putSealedSecret(this.pool, this.member.workspaceId, sealed);
  }

  deleteSealedSecrets(names: readonly string[]): Promise<number> {
    return deleteSealedSecrets(this.pool, this.member.workspaceId, names);
  }

  sealedSecrets(): Promise<SealedSecret[]> {
    return sealedSecrets(this.pool, this.member.workspaceId);
  }

  /** The account was disconnected here: its sealed tokens and lease leave the hub, for the whole team. */
  withdrawAccount(accountId: string): Promise<number> {
    return withdrawAccount(this.pool, this.member.workspaceId, accountId);
  }

  withdrawnAccounts(): Promise<Map<string, string | null>> {
    return withdrawnAccounts(this.pool, this.member.workspaceId);
  }

  /** The account was signed in again here: a withdrawal is lifted with its fresh sealed tokens (true), else nothing changes. */
  restoreAccount(accountId: string, sealed: readonly SealedSecret[]): Promise<boolean> {
    return restoreAccount(this.pool, this.member.workspaceId, accountId, sealed);
  }

  rotateTeamKey(current: TeamKey, next: TeamKey): Promise<number> {
    return rotateSealedSecrets(this.pool, this.member.workspaceId, current, next);
  }

  /** Publishes this desktop's public key on its member row, for the owner to seal rotated team keys to. */
  publishPublicKey(publicKey: Buffer): Promise<void> {
    return publishPublicKey(this.pool, this.member.workspaceId, publicKey);
  }

  /** The newest team key sealed for this role above `afterVersion`, if the owner left one. */
  newerEnvelope(afterVersion: number): Promise<KeyEnvelope | null> {
    return newerEnvelope(this.pool, this.member.workspaceId, afterVersion);
  }

  /** The workspace's teammates; empty once this role was removed from it. */
  members(): Promise<WorkspaceMember[]> {
    return workspaceMembers(this.pool, this.member.workspaceId);
  }

  workspaceName(): Promise<string | null> {
    return workspaceName(this.pool, this.member.workspaceId);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

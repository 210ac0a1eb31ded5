import type { ConversationPresence, HubLease, PresenceActivity } from '../../../shared/api/hub';
import type { Clock } from '../clock';
import type { HubClient } from '../hub/hubClient';
import type { HubMember } from '../hub/hubInputs';
import type { Db } from '../store/database';
import type { CaptureHandle } from './sync/startCapture';
import type { TeamSyncOptions, TeamSyncStats } from './sync/teamSync';
import type { LeaseKeeperOptions } from './leases/leaseKeeper';

export type { CaptureHandle, TeamSyncStats };

/**
 * What the membership runs once connected, each built by its own part of the team hub (#14):
 * change capture and sync (teamHub/sync), account leases (teamHub/leases), presence
 * (teamHub/presence). The service reaches them only through these factories, so its own
 * tests run without them and the composition root chooses the real ones.
 */

export type TeamSyncPart = {
  start(): void;
  syncNow(): Promise<TeamSyncStats>;
  /** Resolves once the round under way, if any, has ended, either way. */
  roundEnded(): Promise<void>;
  stats(): TeamSyncStats;
  stop(): Promise<void>;
};

export type LeaseKeeperPart = { start(): void; holds(accountId: string): boolean; leases(): HubLease[]; stop(): Promise<void> };

export type PresencePart = { announce(conversationId: string, activity: PresenceActivity | null): void; list(): ConversationPresence[]; close(): Promise<void> };

export type TeamParts = {
  startCapture(db: Db, options: { desktopId: string; now: () => number }): CaptureHandle;
  /** Queues the current state of everything synced: the creator's and a joiner's own data. */
  captureSnapshot(db: Db): void;
  newSync(options: TeamSyncOptions & { client: HubClient }): TeamSyncPart;
  /** The session adds what only it knows (where adopted secrets go). */
  newLeases(options: Omit<LeaseKeeperOptions, 'onSecretsAdopted' | 'onWithdrawnElsewhere' | 'timing'>): LeaseKeeperPart;
  openPresence(options: { member: HubMember; me: { role: string; name: string }; clock: Clock; onChange(list: ConversationPresence[]): void }): Promise<PresencePart>;
};

const NO_STATS: TeamSyncStats = { pendingChanges: 0, cursorLag: 0, lastSyncAt: null };

/**
 * Parts that do nothing: the membership alone (connect, invite, leave, status). The
 * composition root replaces them with the real capture, sync, leases and presence.
 */
export const MEMBERSHIP_ONLY: TeamParts = {
  startCapture: () => ({ stop: () => {} }),
  captureSnapshot: () => {},
  newSync: () => ({ start: () => {}, syncNow: async () => NO_STATS, roundEnded: async () => {}, stats: () => NO_STATS, stop: async () => {} }),
  newLeases: () => ({ start: () => {}, holds: () => true, leases: () => [], stop: async () => {} }),
  openPresence: async () => ({ announce: () => {}, list: () => [], close: async () => {} }),
};

import type { z } from 'zod';
import type { ConversationPresence, HubStatus, hubContract, PresenceActivity } from '../../../shared/api/hub';

type InputOf<Name extends keyof typeof hubContract> = z.output<(typeof hubContract)[Name]['input']>;

/**
 * This desktop's side of the team hub, as the API and the command line use it. Local-only (no
 * membership) is a state of it, not its absence.
 */
export interface TeamHub {
  status(): HubStatus;
  create(input: InputOf<'hub.create'>): Promise<HubStatus>;
  invite(input: InputOf<'hub.invite'>): Promise<{ invitation: string; expiresAt: number }>;
  join(input: InputOf<'hub.join'>): Promise<HubStatus>;
  removeMember(role: string): Promise<HubStatus>;
  leave(): Promise<HubStatus>;
  syncNow(): Promise<HubStatus>;
  announce(conversationId: string, activity: PresenceActivity | null): void;
  presence(): ConversationPresence[];
  /** Resolves once the membership found at start has tried the hub once, and synced once if it got through (the CLI reports after it). */
  settled(): Promise<void>;
  /** Stops syncing and lets leases go; the membership stays for the next start. */
  close(): Promise<void>;
}

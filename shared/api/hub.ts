import { z } from 'zod';
import { method } from './method';
import { personName } from './team';

/**
 * The team hub: several desktops sharing one workspace through a PostgreSQL server. Local-only
 * (no hub) is the default; `hub.status` says which. The `team.*` methods are the teammates
 * themselves, whether or not a hub carries them.
 */

/** The longest an invitation stays valid, in days: it holds a password. */
export const MAX_INVITATION_DAYS = 30;

/** How this desktop stands with the hub. */
export const HUB_STATES = ['local', 'connecting', 'connected', 'offline', 'removed'] as const;
export type HubState = (typeof HUB_STATES)[number];

/** Why the last attempt to reach the hub failed, in words the UI translates by `code`. */
export type HubProblem = {
  code: 'unreachable' | 'refused_login' | 'tls' | 'schema_newer' | 'schema_older' | 'removed' | 'key_outdated' | 'no_database' | 'other';
  /** English detail for the log and the CLI (never a password). */
  message: string;
};

/** Who polls an account and sends its replies. */
export type HubLease = {
  accountId: string;
  accountName: string;
  /** `withdrawn`: disconnected on a teammate's desktop (`holderName` says whose), for the whole team until signed in again. */
  holder: 'me' | 'teammate' | 'nobody' | 'withdrawn';
  /** The holder's display name when a teammate holds it, or whose desktop withdrew it. */
  holderName: string | null;
  /** Epoch ms, the hub's clock. */
  expiresAt: number | null;
};

export type HubMemberSummary = {
  role: string;
  name: string;
  isMe: boolean;
  removedAt: number | null;
  /** When the owner invited them: tells apart two teammates invited under one name. */
  addedAt: number;
  /** Their desktop reached the hub once (it leaves its public key then): false while an invitation waits to be used. */
  hasJoined: boolean;
};

export type HubStatus = {
  state: HubState;
  /** Null while local-only. */
  workspace: { id: string; name: string } | null;
  /** The hub's host and database, never its credentials. */
  hubAddress: string | null;
  /** Whether this desktop created the workspace (it can invite and remove teammates). */
  isOwner: boolean;
  me: { role: string; name: string } | null;
  members: HubMemberSummary[];
  leases: HubLease[];
  /** Changes made here not yet on the hub. */
  pendingChanges: number;
  /** Changes on the hub not yet applied here (known from the last notice). */
  cursorLag: number;
  lastSyncAt: number | null;
  problem: HubProblem | null;
};

/** Who is looking at or writing in a conversation right now, from another desktop. */
export type PresenceActivity = 'viewing' | 'writing';
export type ConversationPresence = { conversationId: string; people: { name: string; activity: PresenceActivity; since: number }[] };

const hubUrl = z.string().trim().min(1, 'must not be blank').max(2000);
const invitation = z.string().trim().min(1, 'must not be blank').max(40_000);
const conversationId = z.string().min(1).max(64);

export const hubContract = {
  'hub.status': method<HubStatus>()(z.strictObject({})),
  /**
   * Creates the hub's schema (when missing) and a workspace on a PostgreSQL server, from a
   * connection URL of a role that may create roles; this desktop joins it as its first member.
   */
  'hub.create': method<HubStatus>()(z.strictObject({ url: hubUrl, workspaceName: personName, myName: personName, serverCa: z.string().max(20_000).optional() })),
  /** A one-string invitation for a new teammate (owner only). */
  'hub.invite': method<{ invitation: string; expiresAt: number }>()(
    z.strictObject({ name: personName, expiresInDays: z.number().int().min(1).max(MAX_INVITATION_DAYS).default(7) }),
  ),
  'hub.join': method<HubStatus>()(z.strictObject({ invitation })),
  /** Removes a teammate (owner only): their role can no longer log in, and the team key is rotated. */
  'hub.removeMember': method<HubStatus>()(z.strictObject({ role: z.string().min(1).max(64) })),
  /** Leaves the workspace: the local copy stays, as a local-only inbox. */
  'hub.leave': method<HubStatus>()(z.strictObject({})),
  /** Pushes and pulls now, instead of waiting for the next notice. */
  'hub.syncNow': method<HubStatus>()(z.strictObject({})),
  /** Says what this person is doing in a conversation (null: nothing any more). Not stored. */
  'hub.announce': method<void>()(z.strictObject({ conversationId, activity: z.enum(['viewing', 'writing']).nullable() })),
  /** Teammates' presence, by conversation, as last heard. */
  'hub.presence': method<ConversationPresence[]>()(z.strictObject({})),
};

import type { DatabaseStatus } from './database';
import type { Platform } from '../domain/platform';
import type { DataProgress } from './data';
import type { ConversationPresence, HubStatus } from './hub';

/**
 * What the core's notification gate decided to tell the person about: new messages from
 * people. The shell words it in its language and shows it; it decides nothing itself.
 */
export type NewMessagesNotice = {
  count: number;
  conversationIds: string[];
  /** The newest of them, to name in the notification. */
  latest: { conversationId: string; author: string; platform: Platform; snippet: string };
};

/** An urgent item and who it was escalated to, as the gate decided. */
export type UrgentNotice = {
  conversationId: string;
  reason: string;
  author: string;
  snippet: string;
  recipientIds: string[];
  /** Whether the person using this desktop is among them. */
  includesMe: boolean;
  /** Whether the gate wants them told (a recipient whose preferences allow it, or on call): the shell notifies only then. */
  notifiesMe: boolean;
};

/**
 * Something told to the person at this desktop, delivered once they are on duty: a teammate's
 * @mention, a hand-off, a rule's "notify". `from`: who mentioned or handed off, or the rule's name.
 */
export type PersonNoticeEvent = { kind: 'mention' | 'handoff' | 'rule'; conversationId: string | null; from: string; text: string };

/** Events the core pushes to every connected client. */
export type ApiEvents = {
  /** Someone's duty changed (a shift began or ended, an override): refetch duty.status and the badge. */
  'duty.changed': Record<string, never>;
  'notification.newMessages': NewMessagesNotice;
  'notification.urgent': UrgentNotice;
  'notification.personNotice': PersonNoticeEvent;
  /**
   * These conversations changed (new messages, status, tags...): refetch what shows them.
   * `everything` means too much changed to list (an account removed): refetch all views.
   */
  'inbox.changed': { conversationIds: string[]; everything: boolean };
  /** Show this conversation now (a notification was clicked). */
  'app.showConversation': { conversationId: string };
  /** Quit now (asked from a window): the shell quits the app. */
  'app.quit': Record<string, never>;
  /** Sends in these conversations changed state (queued, sent, failed...): refetch the outbox. */
  'outbox.changed': { conversationIds: string[] };
  /** The database's integrity check finished (ok or damaged): see `database.status`. */
  'database.status': DatabaseStatus;
  /** A backup or an export moved along. */
  'data.progress': DataProgress;
  /** These accounts changed (connected, syncing, paused, refused, removed…): refetch `accounts.list`. */
  'accounts.changed': { accountIds: string[] };
  /** The data was replaced by a backup: every window reloads everything. */
  'data.restored': { restoredFrom: string };
  /** The team hub's connection, leases or members changed: the new `hub.status`. */
  'hub.status': HubStatus;
  /** Teammates' presence changed: the whole list, as `hub.presence` would answer. */
  'hub.presence': ConversationPresence[];
  /**
   * A teammate assigned a conversation within a minute of another assignment of it: both
   * people see "Julie also assigned this to Marc".
   */
  'hub.alsoAssigned': { conversationId: string; by: string; to: string | null; previousBy: string; previousTo: string | null };
};

export type EventName = keyof ApiEvents;

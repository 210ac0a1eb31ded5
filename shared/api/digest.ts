import { z } from 'zod';
import type { Conversation, ConversationKind } from '../domain/entities';
import type { Platform } from '../domain/platform';
import { method } from './method';

/** Enough of a conversation to name it and open it: who, where, and its latest words (shielded when hostile). */
export type DigestItem = Pick<Conversation, 'id' | 'platform' | 'kind' | 'status' | 'contact' | 'snippet' | 'snippetHostility'>;

/**
 * Who did something, as the digest names them. `elsewhere`: seen on the platform with no
 * record in Pieuvre (a reply written in the platform's own app, or by another tool).
 */
export type DigestActor = { kind: 'me' } | { kind: 'teammate'; name: string } | { kind: 'automation' } | { kind: 'elsewhere' };

/** How an urgent item was first dealt with after it became urgent; null while it still waits. */
export type UrgentHandling = { how: 'replied' | 'closed'; at: number; by: DigestActor };

export type DigestUrgent = DigestItem & { urgentAt: number; handled: UrgentHandling | null };
export type DigestAssignment = DigestItem & { assignedAt: number; by: DigestActor };
/** `waitingSince`: their first message after the brand's last reply (their first message if never answered). */
export type DigestWaiting = DigestItem & { waitingSince: number };

/** A list that may be longer than what the digest carries. */
export type Capped<T> = { items: T[]; total: number };

/**
 * "Since you left": what happened in [since, until) for the person at this desktop.
 * `sinceReason` says where `since` comes from: when they last went off duty, when they last
 * closed the digest (no hours set), or the 14-day cap.
 */
export type SinceYouLeft = {
  since: number;
  until: number;
  /** The person's zone (their schedule's, else the computer's): every time of the digest is shown in it. */
  timeZone: string;
  sinceReason: 'offDuty' | 'lastRead' | 'cap';
  /** True once per return to duty, until the digest is dismissed: the app opens it by itself then. */
  isDue: boolean;
  newConversations: { platform: Platform; kind: ConversationKind; count: number }[];
  urgent: Capped<DigestUrgent>;
  assignedToMe: Capped<DigestAssignment>;
  /** The open conversation waiting longest for a reply, whenever it started; null if none waits. */
  oldestWaiting: DigestWaiting | null;
};

export const digestContract = {
  'digest.sinceYouLeft': method<SinceYouLeft>()(z.strictObject({})),
  /** Whether it should open by itself now; asked on every start, so it never computes the digest. */
  'digest.isDue': method<{ isDue: boolean }>()(z.strictObject({})),
  /** The person closed the digest: it will not open by itself again until their next return to duty. */
  'digest.dismiss': method<{ dismissedAt: number }>()(z.strictObject({})),
};

import { z } from 'zod';
import { method } from './method';

/**
 * The private wellbeing ledger. Every method answers about the person using this desktop
 * only: there is no way to ask for someone else's, and the ledger never leaves the desktop
 * (it is excluded from any future team sync).
 */

/** One local day, or one ISO week (Monday to Sunday), in my schedule's time zone. Durations in milliseconds. */
export type LedgerPeriod = {
  /** The period's first local date, YYYY-MM-DD (a Monday for a week). */
  date: string;
  startsAt: number;
  endsAt: number;
  /** Time in the app within my hours. */
  onDutyMs: number;
  /** Time in the app outside them: off-hours, peeks, and "I'm working now". */
  offDutyMs: number;
  peeks: number;
  peekMs: number;
  offDutyReplies: number;
  /** The longest stretch in the app without a pause, counted within the period. */
  longestSessionMs: number;
  breaks: number;
  hostileRevealed: number;
};

export type Ledger = {
  timeZone: string;
  /** Oldest first; the last one is today. */
  days: LedgerPeriod[];
  /** Oldest first; the last one is this week. */
  weeks: LedgerPeriod[];
};

/** What a heartbeat tells the app about the session it extended. */
export type Presence = {
  sessionStartedAt: number;
  sessionMs: number;
  /** Outside my hours, or working outside them on purpose ("I'm working now"). */
  isOffDuty: boolean;
  /** Time for the gentle break reminder. Never while off duty. */
  isBreakDue: boolean;
};

export type WellbeingSettings = {
  /** Remind me to take a break after this many minutes of continuous session; 0: never. */
  breakReminderMinutes: number;
};

export const BREAK_REMINDER_DEFAULT_MINUTES = 90;
export const BREAK_SNOOZE_MINUTES = 15;

const breakReminderMinutes = z
  .number()
  .int()
  .min(0)
  .max(480)
  .refine((minutes) => minutes === 0 || minutes >= 15, 'must be 0 (never) or at least 15 minutes');

export const wellbeingContract = {
  /** "I am here": sent about once a minute while the app is visible and was used in the last few minutes. */
  'wellbeing.heartbeat': method<Presence>()(z.strictObject({})),
  /** My ledger for the last `days` days and the last `weeks` ISO weeks, today and this week included. */
  'wellbeing.ledger': method<Ledger>()(
    z.strictObject({ days: z.number().int().min(1).max(31).default(7), weeks: z.number().int().min(1).max(26).default(8) }),
  ),
  /** I am taking a break now: logged, and the session it ends is over. */
  'wellbeing.breakStart': method<{ breakId: number; startedAt: number }>()(z.strictObject({ source: z.enum(['reminder', 'ledger']) })),
  'wellbeing.breakEnd': method<{ durationMs: number }>()(z.strictObject({ breakId: z.number().int().positive() })),
  /** "Later": no reminder for the next 15 minutes. */
  'wellbeing.snoozeReminder': method<{ until: number }>()(z.strictObject({})),
  'wellbeing.settings': method<WellbeingSettings>()(z.strictObject({})),
  'wellbeing.setSettings': method<WellbeingSettings>()(z.strictObject({ breakReminderMinutes })),
};

export type BreakReminderInput = {
  now: number;
  /** When the current continuous session began. */
  sessionStartedAt: number;
  /** 0: never remind. */
  reminderMinutes: number;
  /** Outside my hours, peeking, or working outside them on purpose. */
  isOffDuty: boolean;
  /** "Later" was chosen: quiet until then. */
  snoozedUntil: number | null;
};

/**
 * Whether the gentle break reminder is due. Decided in the core, the one place that knows the
 * session, my hours and my overrides; the app only shows what it is told. Off duty it never
 * shows: a nudge about work pace has no place in time that should not be work at all.
 */
export function isBreakDue({ now, sessionStartedAt, reminderMinutes, isOffDuty, snoozedUntil }: BreakReminderInput): boolean {
  if (isOffDuty || reminderMinutes === 0) return false;
  if (snoozedUntil !== null && now < snoozedUntil) return false;
  return now - sessionStartedAt >= reminderMinutes * 60_000;
}

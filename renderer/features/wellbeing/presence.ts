/** About once a minute while I am here: the core grows the session from these. */
export const BEAT_MS = 60_000;
/** Keyboard, pointer or focus within this long means I am still here (reading a long thread counts). */
export const ACTIVE_WITHIN_MS = 3 * 60_000;

export type PresenceClock = { isVisible: boolean; now: number; lastActivityAt: number; lastBeatAt: number };

/** A heartbeat is due when the app is visible, I was active recently, and the last one is a minute old. */
export const isBeatDue = ({ isVisible, now, lastActivityAt, lastBeatAt }: PresenceClock): boolean =>
  isVisible && now - lastActivityAt <= ACTIVE_WITHIN_MS && now - lastBeatAt >= BEAT_MS;

type DutyView = { status: { isOnDuty: boolean; override: { kind: 'off' | 'working' } | null } | null; peekId: number | null };

/**
 * The core decides when a break is due and never says so off duty; this only keeps a verdict
 * from the last heartbeat from showing after my duty changed (a peek, "I'm working now"),
 * before the next heartbeat answers.
 */
export const mayShowBreakReminder = (isBreakDue: boolean, { status, peekId }: DutyView): boolean =>
  isBreakDue && status !== null && status.isOnDuty && status.override === null && peekId === null;

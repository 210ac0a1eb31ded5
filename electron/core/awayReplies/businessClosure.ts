import { onDutyIntervalsBetween, type Schedule } from '../../../shared/schedule';
import { isWithinBusinessHours } from '../accounts/businessHours';

const DAY_MS = 86_400_000;
/** A week and a day finds the last opening of any weekly schedule; the long look is for holidays and closures. */
const LOOKBACKS_MS = [8 * DAY_MS, 400 * DAY_MS];
/** Closed for over 400 days (or never open): one long off period, as far as away replies go. */
export const CLOSED_ALL_ALONG = 0;

/**
 * The start of the off period `at` lies in: when the account's business hours last ended
 * before it. Every instant of one off period gives the same start, and two instants with open
 * hours between them give different ones, so it names the period. Null while open (or without hours).
 */
export function offPeriodStart(hours: Schedule | null, at: number): number | null {
  if (hours === null || isWithinBusinessHours(hours, at)) return null;
  for (const lookback of LOOKBACKS_MS) {
    // Closed at `at`: the last stretch ends at or before it, never clipped by the window's end.
    const last = onDutyIntervalsBetween(hours, at - lookback, at).at(-1);
    if (last) return last[1];
  }
  return CLOSED_ALL_ALONG;
}

import { Temporal } from 'temporal-polyfill';
import type { LedgerPeriod } from '../../../shared/api/wellbeing';
import { msWithin } from './ledgerDuty';
import type { LedgerEntry } from './wellbeingLog';

export type PeriodBounds = { date: string; startsAt: number; endsAt: number };

/** How long before the ledger's range a session may have started and still reach into it. */
export const SESSION_LOOKBACK_MS = 2 * 86_400_000;

// The start of a local day, whatever the hour it starts at (a DST change at midnight moves it).
const startOfDay = (date: Temporal.PlainDate, zone: string): number => date.toZonedDateTime(zone).epochMilliseconds;

const bounds = (first: Temporal.PlainDate, days: number, zone: string): PeriodBounds => ({
  date: first.toString(),
  startsAt: startOfDay(first, zone),
  endsAt: startOfDay(first.add({ days }), zone),
});

/** The last `days` local days and the last `weeks` ISO weeks (Monday to Sunday) in `zone`, oldest first, today and this week last. */
export function ledgerPeriods(zone: string, now: number, days: number, weeks: number): { days: PeriodBounds[]; weeks: PeriodBounds[] } {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  return {
    days: Array.from({ length: days }, (_, index) => bounds(today.subtract({ days: days - 1 - index }), 1, zone)),
    weeks: Array.from({ length: weeks }, (_, index) => bounds(monday.subtract({ weeks: weeks - 1 - index }), 7, zone)),
  };
}

const COUNTED: Partial<Record<LedgerEntry['kind'], 'peeks' | 'offDutyReplies' | 'breaks' | 'hostileRevealed'>> = {
  peek: 'peeks',
  after_hours_reply: 'offDutyReplies',
  break: 'breaks',
  hostile_revealed: 'hostileRevealed',
};

/**
 * One period's figures. Time in the app counts within the period only: a session across
 * midnight counts on both days, and its longest stretch is the part inside the period, so no
 * day ever shows a longer session than its time in the app. Events count where they began.
 */
export function summarize(entries: readonly LedgerEntry[], { date, startsAt, endsAt }: PeriodBounds): LedgerPeriod {
  const period: LedgerPeriod = { date, startsAt, endsAt, onDutyMs: 0, offDutyMs: 0, peeks: 0, peekMs: 0, offDutyReplies: 0, longestSessionMs: 0, breaks: 0, hostileRevealed: 0 };
  for (const entry of entries) {
    if (entry.kind === 'session') {
      const inPeriod = msWithin([[entry.at, entry.at + entry.durationMs]], startsAt, endsAt);
      const offDuty = msWithin(entry.offDuty, startsAt, endsAt);
      period.offDutyMs += offDuty;
      period.onDutyMs += inPeriod - offDuty;
      period.longestSessionMs = Math.max(period.longestSessionMs, inPeriod);
      continue;
    }
    const counter = COUNTED[entry.kind];
    if (!counter || entry.at < startsAt || entry.at >= endsAt) continue;
    period[counter] += 1;
    if (entry.kind === 'peek') period.peekMs += entry.durationMs;
  }
  return period;
}

import { BREAK_SNOOZE_MINUTES, type Ledger, type Presence, type WellbeingSettings } from '../../../shared/api/wellbeing';
import { ApiFailure } from '../../../shared/api/result';
import type { CoreContext } from '../coreContext';
import { me } from '../duty/people';
import { zoneOf } from '../duty/personZone';
import { isBreakDue } from './breakReminder';
import { ledgerPeriods, SESSION_LOOKBACK_MS, summarize } from './ledger';
import { isOffDutyAt, overridesBetween } from './ledgerDuty';
import { recordPresence } from './presence';
import { endEntry, entriesBetween, insertEntry } from './wellbeingLog';
import { breakReminderMinutes, setBreakReminderMinutes } from './wellbeingSettings';

/**
 * The private wellbeing ledger of the person using this desktop: presence, breaks and the
 * break reminder, and the ledger's figures. Only ever about `me`; never synced to a team.
 */
export class WellbeingService {
  /** "Later" on the reminder; forgotten on restart, when a new session starts anyway. */
  private snoozedUntil: number | null = null;

  constructor(private readonly ctx: CoreContext) {}

  heartbeat(): Presence {
    const now = this.ctx.clock();
    const person = me(this.ctx.db, now);
    const session = recordPresence(this.ctx.db, person, now);
    const isOffDuty = isOffDutyAt(person.schedule, overridesBetween(this.ctx.db, person.seq, now, now + 1), now);
    const reminderMinutes = breakReminderMinutes(this.ctx.db, person.seq);
    return {
      sessionStartedAt: session.startedAt,
      sessionMs: session.endedAt - session.startedAt,
      isOffDuty,
      isBreakDue: isBreakDue({ now, sessionStartedAt: session.startedAt, reminderMinutes, isOffDuty, snoozedUntil: this.snoozedUntil }),
    };
  }

  ledger(days: number, weeks: number): Ledger {
    const now = this.ctx.clock();
    const person = me(this.ctx.db, now);
    const timeZone = zoneOf(person);
    const periods = ledgerPeriods(timeZone, now, days, weeks);
    const all = [...periods.days, ...periods.weeks];
    const from = Math.min(...all.map((period) => period.startsAt)) - SESSION_LOOKBACK_MS;
    const entries = entriesBetween(this.ctx.db, person.seq, from, Math.max(...all.map((period) => period.endsAt)));
    return {
      timeZone,
      days: periods.days.map((period) => summarize(entries, period)),
      weeks: periods.weeks.map((period) => summarize(entries, period)),
    };
  }

  /** Taking a break ends the current session: the next heartbeat starts a new one. */
  breakStart(source: 'reminder' | 'ledger'): { breakId: number; startedAt: number } {
    const now = this.ctx.clock();
    const { seq } = me(this.ctx.db, now);
    this.snoozedUntil = null;
    return { breakId: insertEntry(this.ctx.db, seq, { kind: 'break', at: now, data: { source } }), startedAt: now };
  }

  breakEnd(breakId: number): { durationMs: number } {
    const now = this.ctx.clock();
    const durationMs = endEntry(this.ctx.db, me(this.ctx.db, now).seq, 'break', breakId, now);
    if (durationMs === null) throw new ApiFailure('not_found', `No break of yours with id ${breakId}.`);
    return { durationMs };
  }

  snoozeReminder(): { until: number } {
    this.snoozedUntil = this.ctx.clock() + BREAK_SNOOZE_MINUTES * 60_000;
    return { until: this.snoozedUntil };
  }

  settings(): WellbeingSettings {
    return { breakReminderMinutes: breakReminderMinutes(this.ctx.db, me(this.ctx.db, this.ctx.clock()).seq) };
  }

  setSettings({ breakReminderMinutes: minutes }: WellbeingSettings): WellbeingSettings {
    setBreakReminderMinutes(this.ctx.db, me(this.ctx.db, this.ctx.clock()).seq, minutes);
    return this.settings();
  }
}

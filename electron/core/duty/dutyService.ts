import type { DutyStanding, DutyStatus, MyProfile } from '../../../shared/api/duty';
import type { ShieldStatus } from '../../../shared/api/shield';
import { revealHostile, shieldStatus } from '../hostility/shield';
import { isOnDuty, type Schedule } from '../../../shared/schedule';
import type { CoreContext } from '../coreContext';
import { countsForBadge } from '../notifications/notificationGate';
import { conversationCounts } from '../store/conversationQueries';
import { endEntry, insertEntry } from '../wellbeing/wellbeingLog';
import { activeOverride, dutyStatusOf, overrideEnd } from './dutyStatus';
import { listPeople, me, setMyPreferences, setMySchedule, updateMe, type Person } from './people';
import type { Reachable } from '../urgent/escalation';
import type { Recipient } from '../notifications/notificationGate';
import { onCallPersonIdAt, onCallSetup } from '../team/onCall';
import { delayAfterFailures } from '../timers/loop';

/** A person and where they stand at one instant. */
export type PersonNow = { person: Person; duty: DutyStanding; isOnCall: boolean };

/** setTimeout's longest wait is about 24.8 days; shifts are re-checked at least daily. */
const MAX_WAIT_MS = 86_400_000;
/** A failed announcement is tried again after this, then less and less often. */
const RETRY_MS = 30_000;

/**
 * Duty: mine (status, overrides, peeks), who else is on duty and on call, and one timer that
 * announces each change (anyone's shift starting or ending, a rota hand-over) so every client
 * refetches at the right moment.
 */
export class DutyService {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(private readonly ctx: CoreContext) {}

  status(): DutyStatus {
    const everyone = this.peopleNow();
    const mine = everyone.find(({ person }) => person.isMe);
    if (!mine) throw new Error('The person using this desktop is missing.');
    return {
      ...mine.duty,
      onDutyNow: everyone.filter(({ person, duty }) => !person.isMe && duty.isOnDuty).map(({ person }) => person.name),
      timeZone: mine.person.schedule?.timeZone ?? null,
    };
  }

  /** Everyone, me first: on duty (an override, else the schedule) and on call (the rota's person, else the fixed one). */
  peopleNow(): PersonNow[] {
    const now = this.ctx.clock();
    const onCallId = onCallPersonIdAt(this.ctx.db, now);
    return listPeople(this.ctx.db, now).map((person) => ({
      person,
      duty: dutyStatusOf(person, activeOverride(this.ctx.db, person, now), now),
      isOnCall: person.id === onCallId,
    }));
  }

  /** Me as the notification gate sees me, without looking at the rest of the team: it runs for every ingest batch. */
  recipient(): Recipient {
    const now = this.ctx.clock();
    const person = me(this.ctx.db, now);
    const { isOnDuty } = dutyStatusOf(person, activeOverride(this.ctx.db, person, now), now);
    return { isOnDuty, notifications: person.notifications };
  }

  profile(): MyProfile {
    const person = me(this.ctx.db, this.ctx.clock());
    return { id: person.id, name: person.name, schedule: person.schedule, acceptsUrgentOffDuty: person.acceptsUrgentOffDuty, isOnCall: person.isOnCall, signature: person.signature };
  }

  /** My name shows in the team list and in who is on duty: a duty change for every client. */
  updateMe(change: { name?: string | undefined; signature?: string | undefined }): MyProfile {
    updateMe(this.ctx.db, change, this.ctx.clock());
    this.changed();
    return this.profile();
  }

  setSchedule(schedule: Schedule | null): MyProfile {
    setMySchedule(this.ctx.db, schedule, this.ctx.clock());
    this.changed();
    return this.profile();
  }

  /** Where I would stand now with these hours (an override in force kept): asked before saving them. */
  preview(schedule: Schedule | null): Pick<DutyStatus, 'isOnDuty' | 'nextOnAt'> {
    const now = this.ctx.clock();
    const person = me(this.ctx.db, now);
    const { isOnDuty, nextOnAt } = dutyStatusOf({ schedule }, activeOverride(this.ctx.db, person, now), now);
    return { isOnDuty, nextOnAt };
  }

  override(asked: 'off' | 'working' | 'clear'): DutyStatus {
    const now = this.ctx.clock();
    const person = me(this.ctx.db, now);
    // "I am working now" inside my hours (after "I am off now" in a shift) is simply back to them:
    // no after-hours work to log, no banner saying "outside your hours".
    const kind = asked === 'working' && (person.schedule === null || isOnDuty(person.schedule, now)) ? 'clear' : asked;
    // Overrides in force end now (kept: the ledger counts after-hours work); any starting now go.
    this.ctx.db.prepare('DELETE FROM duty_overrides WHERE person_seq = ? AND starts_at >= ?').run(person.seq, now);
    this.ctx.db.prepare('UPDATE duty_overrides SET ends_at = ? WHERE person_seq = ? AND ends_at > ?').run(now, person.seq, now);
    if (kind !== 'clear') {
      this.ctx.db
        .prepare('INSERT INTO duty_overrides (person_seq, kind, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(person.seq, kind, now, overrideEnd(kind, person.schedule, now), now);
    }
    this.changed();
    return this.status();
  }

  peekStart(): { peekId: number } {
    const now = this.ctx.clock();
    return { peekId: insertEntry(this.ctx.db, me(this.ctx.db, now).seq, { kind: 'peek', at: now }) };
  }

  peekEnd(peekId: number): { durationMs: number } {
    const now = this.ctx.clock();
    return { durationMs: endEntry(this.ctx.db, me(this.ctx.db, now).seq, 'peek', peekId, now) ?? 0 };
  }

  shield(): ShieldStatus {
    const now = this.ctx.clock();
    return shieldStatus(this.ctx.db, me(this.ctx.db, now), now);
  }

  reveal(messageSeq: number): ShieldStatus {
    const now = this.ctx.clock();
    return revealHostile(this.ctx.db, me(this.ctx.db, now), messageSeq, now);
  }

  /** Everyone, with where they stand now: what escalation decides from. */
  reachablePeople(): Reachable[] {
    return this.peopleNow().map(({ person, duty, isOnCall }) => ({
      id: person.id,
      name: person.name || (person.isMe ? 'me' : person.id),
      isOnDuty: duty.isOnDuty,
      acceptsUrgentOffDuty: person.acceptsUrgentOffDuty,
      isOnCall,
    }));
  }

  setPreferences(preferences: { acceptsUrgentOffDuty?: boolean | undefined; isOnCall?: boolean | undefined }): MyProfile {
    setMyPreferences(this.ctx.db, preferences, this.ctx.clock());
    return this.profile();
  }

  badge(): { count: number } {
    return { count: countsForBadge(this.recipient(), conversationCounts(this.ctx.db).openUnread) };
  }

  /** Announces a change now and re-arms the timer for the next one. */
  changed(): void {
    this.ctx.events.emit('duty.changed', {});
    this.arm();
  }

  /** Wakes at the next change of anyone's duty or of the rota's turn: "who is on now" stays true for every client. */
  arm(): void {
    this.stop();
    const now = this.ctx.clock();
    const changes = this.peopleNow().map(({ duty }) => (duty.isOnDuty ? duty.nextOffAt : duty.nextOnAt));
    changes.push(onCallSetup(this.ctx.db, now).nextHandoverAt);
    const next = changes.reduce<number | null>((soonest, at) => (at !== null && at > now && (soonest === null || at < soonest) ? at : soonest), null);
    const wait = next === null ? MAX_WAIT_MS : Math.min(next - now + 1, MAX_WAIT_MS);
    this.wakeIn(wait);
  }

  /**
   * The timer's own run: nobody awaits it, so a failure (the database busy or damaged) is
   * logged and tried again later instead of ending the core; clients keep the last status.
   */
  private onTimer(): void {
    try {
      this.changed();
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const retryInMs = delayAfterFailures(RETRY_MS, this.failures);
      this.ctx.log.error('Announcing a change of duty failed; trying again later.', { failures: this.failures, retryInMs, err: error });
      this.wakeIn(retryInMs);
    }
  }

  private wakeIn(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onTimer(), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

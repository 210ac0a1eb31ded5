import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWAY_SKIP_REASONS } from '../../../shared/api/awayReplies';
import { CONVERSATION_STATUSES, HOSTILE_THRESHOLD } from '../../../shared/domain/entities';
import { isOnDuty, onDutyMsBetween, parseSchedule } from '../../../shared/schedule';
import { instant, schedule } from '../../../shared/schedule/testing/arbitraries';
import { localTime, MINUTE } from '../testing/localTime';
import { CLOSED_ALL_ALONG, offPeriodStart } from './businessClosure';
import { decideAwayReply, RECENT_MS, vetoAtSendTime, type AwayReplyCase, type EarlierAwayReply } from './decideAwayReply';

const HOUR = 60 * MINUTE;
const ZONE = 'America/Toronto';
const at = (isoDateTime: string) => localTime(ZONE, isoDateTime);
// Weekdays 09:00–17:00, Wednesday 2026-11-11 closed (Remembrance Day), Friday nights to 02:00.
const hours = parseSchedule({
  timeZone: ZONE,
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '02:00']], sat: [], sun: [] },
  exceptions: [{ date: '2026-11-11', ranges: [] }],
});

describe('the off period a moment lies in', () => {
  it('starts when business hours last ended, whichever instant of the period asks', () => {
    const mondayClose = at('2026-11-02T17:00');
    expect(offPeriodStart(hours, at('2026-11-02T17:00'))).toBe(mondayClose);
    expect(offPeriodStart(hours, at('2026-11-02T23:30'))).toBe(mondayClose);
    expect(offPeriodStart(hours, at('2026-11-03T08:59'))).toBe(mondayClose);
    expect(offPeriodStart(hours, at('2026-11-03T17:01'))).toBe(at('2026-11-03T17:00'));
    // The holiday joins Tuesday night to Thursday morning; Friday's late range, the weekend.
    expect(offPeriodStart(hours, at('2026-11-11T12:00'))).toBe(at('2026-11-10T17:00'));
    expect(offPeriodStart(hours, at('2026-11-15T20:00'))).toBe(at('2026-11-14T02:00'));
  });

  it('is null while open or without hours, and one long period for an account that was never open', () => {
    expect(offPeriodStart(hours, at('2026-11-02T10:00'))).toBeNull();
    expect(offPeriodStart(null, at('2026-11-02T23:00'))).toBeNull();
    const neverOpen = parseSchedule({ timeZone: ZONE, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(offPeriodStart(neverOpen, at('2026-11-02T10:00'))).toBe(CLOSED_ALL_ALONG);
  });
});

const evening = at('2026-11-02T19:00');
const base: AwayReplyCase = {
  settings: { isEnabled: true, templateId: 'tpl-away', includesComments: false },
  direction: 'in',
  kind: 'dm',
  status: 'open',
  hostility: 0,
  hours,
  writtenAt: evening,
  now: evening + MINUTE,
  earlier: [],
  lastHumanReplyAt: null,
};
const decide = (change: Partial<AwayReplyCase>) => decideAwayReply({ ...base, ...change });

describe('whether a message gets an away reply', () => {
  it('answers an inbound DM written and received while closed, naming the period and the template', () => {
    expect(decide({})).toEqual({ kind: 'send', periodStart: at('2026-11-02T17:00'), templateId: 'tpl-away' });
  });

  it('ignores what is not a case for one, without a record', () => {
    expect(decide({ direction: 'out' })).toEqual({ kind: 'ignore', reason: 'outbound' });
    expect(decide({ settings: { ...base.settings, isEnabled: false } })).toEqual({ kind: 'ignore', reason: 'disabled' });
    expect(decide({ kind: 'comment' })).toEqual({ kind: 'ignore', reason: 'comment' });
    expect(decide({ kind: 'mention' })).toEqual({ kind: 'ignore', reason: 'comment' });
    expect(decide({ now: evening + RECENT_MS + 1 })).toEqual({ kind: 'ignore', reason: 'backlog' });
    expect(decide({ writtenAt: at('2026-11-02T16:59'), now: at('2026-11-02T17:05') })).toEqual({ kind: 'ignore', reason: 'open' });
    expect(decide({ writtenAt: at('2026-11-03T08:58'), now: at('2026-11-03T09:01') })).toEqual({ kind: 'ignore', reason: 'open' });
    expect(decide({ hours: null })).toEqual({ kind: 'ignore', reason: 'open' });
    expect(decide({ earlier: [{ periodStart: at('2026-11-02T17:00'), at: at('2026-11-02T18:00') }] })).toEqual({ kind: 'ignore', reason: 'alreadyAnswered' });
    // Queued this evening under hours that closed later then: still this evening's.
    expect(decide({ earlier: [{ periodStart: at('2026-11-02T18:00'), at: at('2026-11-02T18:30') }] })).toEqual({ kind: 'ignore', reason: 'alreadyAnswered' });
  });

  it('answers comments and mentions too when the settings say so', () => {
    expect(decide({ kind: 'comment', settings: { ...base.settings, includesComments: true } })).toMatchObject({ kind: 'send' });
    expect(decide({ kind: 'mention', settings: { ...base.settings, includesComments: true } })).toMatchObject({ kind: 'send' });
  });

  it('skips, with the reason, spam, hostile messages, a conversation someone answered this period, and a missing template', () => {
    const periodStart = at('2026-11-02T17:00');
    expect(decide({ status: 'spam' })).toEqual({ kind: 'skip', periodStart, reason: 'spam' });
    expect(decide({ hostility: HOSTILE_THRESHOLD })).toEqual({ kind: 'skip', periodStart, reason: 'hostile' });
    expect(decide({ lastHumanReplyAt: periodStart + 10 * MINUTE })).toEqual({ kind: 'skip', periodStart, reason: 'teammateReplied' });
    expect(decide({ settings: { ...base.settings, templateId: null } })).toEqual({ kind: 'skip', periodStart, reason: 'noTemplate' });
    // Answered before closing time: the evening's message still gets one.
    expect(decide({ lastHumanReplyAt: periodStart - MINUTE, earlier: [{ periodStart: at('2026-10-31T02:00'), at: at('2026-10-31T03:00') }] })).toMatchObject({ kind: 'send' });
  });

  it('vetoes a waiting one at send time once marked spam, answered by hand, or open again', () => {
    const periodStart = at('2026-11-02T17:00');
    const waiting = { status: 'open', hours, now: at('2026-11-02T23:00'), periodStart, lastHumanReplyAt: null } as const;
    expect(vetoAtSendTime(waiting)).toBeNull();
    expect(vetoAtSendTime({ ...waiting, status: 'spam' })).toBe('spam');
    expect(vetoAtSendTime({ ...waiting, lastHumanReplyAt: at('2026-11-02T22:00') })).toBe('teammateReplied');
    expect(vetoAtSendTime({ ...waiting, now: at('2026-11-03T09:00') })).toBe('openAgain');
  });
});

type Arrival = { gap: number; delay: number; kind: 'dm' | 'comment' | 'mention'; status: (typeof CONVERSATION_STATUSES)[number]; hostility: number; humanReplyBefore: boolean };
const arrival: fc.Arbitrary<Arrival> = fc.record({
  gap: fc.oneof(fc.integer({ min: MINUTE, max: 3 * HOUR }), fc.integer({ min: 3 * HOUR, max: 3 * 24 * HOUR })),
  delay: fc.oneof(fc.integer({ min: 0, max: 5 * MINUTE }), fc.integer({ min: 0, max: 3 * HOUR })),
  kind: fc.constantFrom('dm', 'dm', 'comment', 'mention'),
  status: fc.constantFrom(...CONVERSATION_STATUSES),
  hostility: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  humanReplyBefore: fc.boolean(),
});

describe('away replies over time (property, 12 zones over 2026–2027)', () => {
  it('go out exactly once per conversation per off period: never inside business hours, never to spam or hostility, never after a human reply that period', () => {
    fc.assert(
      fc.property(schedule, instant, fc.array(arrival, { minLength: 1, maxLength: 12 }), fc.boolean(), (accountHours, start, arrivals, includesComments) => {
        const sent: { writtenAt: number; now: number }[] = [];
        const earlier: EarlierAwayReply[] = [];
        let writtenAt = start;
        let lastHumanReplyAt: number | null = null;
        for (const message of arrivals) {
          writtenAt += message.gap;
          // Someone answered by hand half-way through the gap.
          if (message.humanReplyBefore) lastHumanReplyAt = writtenAt - Math.floor(message.gap / 2);
          const now = writtenAt + message.delay;
          const decision = decideAwayReply({
            settings: { isEnabled: true, templateId: 't', includesComments },
            direction: 'in',
            kind: message.kind,
            status: message.status,
            hostility: message.hostility,
            hours: accountHours,
            writtenAt,
            now,
            earlier,
            lastHumanReplyAt,
          });
          // The oracle speaks of business time only: "same off period" is "no open minute between".
          const sameOffPeriod = (earlier: number) => onDutyMsBetween(accountHours, earlier, writtenAt) === 0;
          const isEligible =
            (message.kind === 'dm' || includesComments) &&
            message.delay <= RECENT_MS &&
            !isOnDuty(accountHours, writtenAt) &&
            !isOnDuty(accountHours, now) &&
            message.status !== 'spam' &&
            message.hostility < HOSTILE_THRESHOLD &&
            !(lastHumanReplyAt !== null && sameOffPeriod(lastHumanReplyAt));
          // Answered this off period: the earlier one was written, or sent, with no open minute since.
          const isAnswered = sent.some((earlier) => sameOffPeriod(earlier.writtenAt) || sameOffPeriod(earlier.now));
          expect(decision.kind === 'send').toBe(isEligible && !isAnswered);
          if (decision.kind === 'skip') expect(AWAY_SKIP_REASONS).toContain(decision.reason);
          if (decision.kind === 'send') {
            sent.push({ writtenAt, now });
            earlier.push({ periodStart: decision.periodStart, at: now });
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

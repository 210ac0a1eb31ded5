import { Temporal } from 'temporal-polyfill';
import type { SendWhen } from '../../../shared/api/outbox';
import { ApiFailure } from '../../../shared/api/result';

const MAX_AHEAD_MS = 400 * 86_400_000;
const MORNING = { hour: 9, minute: 0, second: 0, millisecond: 0 } as const;

export type SendTime = {
  /** When the outbox may first try it. */
  notBefore: number;
  /** The time the person chose, or null for "now" (held only for the undo delay). */
  scheduledFor: number | null;
};

export type Writer = {
  /** When the writer is next on duty (now if on); null if not within 400 days. */
  nextOnAt: number | null;
  timeZone: string;
  undoSendMs: number;
};

/** Turns the composer's choice into outbox times, in the writer's zone and hours. */
export function resolveSendTime(when: SendWhen, writer: Writer, now: number): SendTime {
  const immediately = { notBefore: now + writer.undoSendMs, scheduledFor: null };
  switch (when.kind) {
    case 'now':
      return immediately;
    case 'nextWorkingTime':
      if (writer.nextOnAt === null) throw new ApiFailure('invalid_input', 'when: no working time in the next 400 days; pick a date instead.');
      return writer.nextOnAt <= now ? immediately : at(writer.nextOnAt);
    case 'tomorrowMorning':
      return at(Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(writer.timeZone).add({ days: 1 }).with(MORNING).epochMilliseconds);
    case 'at':
      if (when.at <= now) throw new ApiFailure('invalid_input', 'when.at: this time has already passed.');
      if (when.at > now + MAX_AHEAD_MS) throw new ApiFailure('invalid_input', 'when.at: a reply can be scheduled at most 400 days ahead.');
      return at(when.at);
  }
}

const at = (time: number): SendTime => ({ notBefore: time, scheduledFor: time });

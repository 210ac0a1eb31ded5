import { z } from 'zod';
import { scheduleSchema } from '../../../../shared/schedule/scheduleSchema';
import { cachedStatement } from '../../store/statementCache';
import { applier, type Applier } from './applier';
import { dutyOverrideValue, personValue } from './changeValues';
import { seqOf } from './localRows';

/** A teammate: is_me and the personal settings (breaks, undo delay, notifications) stay on each desktop. */
const createPerson = applier('once', personValue, (context, id, value) => {
  cachedStatement(
    context.db,
    `INSERT INTO people (id, name, schedule, accepts_urgent_off_duty, is_on_call, avatar_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(id, value.name, value.schedule === null ? null : JSON.stringify(value.schedule), value.acceptsUrgentOffDuty, value.isOnCall, value.avatarUrl, value.createdAt, context.now);
  context.touchEverything();
});

function personField<V>(column: string, schema: z.ZodType<V>, toSql: (value: V) => string | number | null): Applier {
  return applier('field', schema, (context, id, value) => {
    const seq = seqOf(context.db, 'people', id, 'teammate');
    cachedStatement(context.db, `UPDATE people SET ${column} = ?, updated_at = ? WHERE seq = ?`).run(toSql(value), context.now, seq);
    context.touchEverything();
  });
}

/** Time off or an extra shift: the same person, kind and period is the same override on every desktop. */
const dutyOverride = applier(
  'field',
  dutyOverrideValue,
  (context, _key, value) => {
    const personSeq = seqOf(context.db, 'people', value.personId, 'teammate');
    const same = [personSeq, value.kind, value.startsAt, value.endsAt] as const;
    cachedStatement(context.db, 'DELETE FROM duty_overrides WHERE person_seq = ? AND kind = ? AND starts_at = ? AND ends_at = ?').run(...same);
    if (value.isPresent) {
      cachedStatement(context.db, 'INSERT INTO duty_overrides (person_seq, kind, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?, ?)').run(...same, context.now);
    }
    context.touchEverything();
  },
  (_context, value) => `${value.personId}/${value.kind}/${value.startsAt}/${value.endsAt}`,
);

const flag = z.union([z.literal(0), z.literal(1)]);
const same = <V extends string | number | null>(value: V) => value;

export const TEAMMATE_APPLIERS: Record<string, Record<string, Applier>> = {
  person: {
    created: createPerson,
    name: personField('name', z.string().min(1).max(200), same),
    schedule: personField('schedule', scheduleSchema.nullable(), (schedule) => (schedule === null ? null : JSON.stringify(schedule))),
    acceptsUrgentOffDuty: personField('accepts_urgent_off_duty', flag, same),
    isOnCall: personField('is_on_call', flag, same),
    avatarUrl: personField('avatar_url', z.string().max(2000).nullable(), same),
  },
  dutyOverride: { isPresent: dutyOverride },
};

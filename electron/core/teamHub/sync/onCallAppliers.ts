import { z } from 'zod';
import { isoDate, startTime, timeZone, WEEKDAYS } from '../../../../shared/schedule/scheduleSchema';
import { cachedStatement } from '../../store/statementCache';
import { applier, type Applier } from './applier';
import { seqOf } from './localRows';

const rotaValue = z.object({
  isActive: z.union([z.literal(0), z.literal(1)]),
  startsOn: isoDate,
  weekday: z.enum(WEEKDAYS),
  time: startTime,
  timeZone,
  personIds: z.array(z.string().min(1).max(200)).max(50),
});

/** The team's on-call rota, whole (escalation reads it on every desktop). */
const rota = applier('field', rotaValue, (context, _id, value) => {
  const { db } = context;
  const memberSeqs = value.personIds.map((personId) => seqOf(db, 'people', personId, 'teammate'));
  cachedStatement(
    db,
    `INSERT INTO on_call_rota (seq, is_active, starts_on, handover_weekday, handover_time, time_zone, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (seq) DO UPDATE SET is_active = excluded.is_active, starts_on = excluded.starts_on, handover_weekday = excluded.handover_weekday,
       handover_time = excluded.handover_time, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
  ).run(value.isActive, value.startsOn, value.weekday, value.time, value.timeZone, context.now);
  cachedStatement(db, 'DELETE FROM on_call_rota_members').run();
  const insert = cachedStatement(db, 'INSERT INTO on_call_rota_members (position, person_seq) VALUES (?, ?)');
  memberSeqs.forEach((seq, position) => insert.run(position, seq));
  context.touchEverything();
});

export const ON_CALL_APPLIERS: Record<string, Record<string, Applier>> = { onCallRota: { rota } };

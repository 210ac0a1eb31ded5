import type { OnCallSetup } from '../../../shared/api/team';
import { nextHandover, onCallAt, type OnCallRota, type Weekday } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type RotaRow = { is_active: number; starts_on: string; handover_weekday: Weekday; handover_time: string; time_zone: string };

/** The stored rota (members in turn order) and whether it is in force; null if none was ever set. */
function storedRota(db: Db): { rota: OnCallRota; isActive: boolean } | null {
  const row = cachedStatement<[], RotaRow>(db, 'SELECT is_active, starts_on, handover_weekday, handover_time, time_zone FROM on_call_rota WHERE seq = 1').get();
  if (!row) return null;
  const personIds = cachedStatement<[], { id: string }>(db, 'SELECT p.id FROM on_call_rota_members m JOIN people p ON p.seq = m.person_seq ORDER BY m.position')
    .all()
    .map((member) => member.id);
  return {
    isActive: row.is_active === 1,
    rota: { personIds, startsOn: row.starts_on, handover: { weekday: row.handover_weekday, time: row.handover_time }, timeZone: row.time_zone },
  };
}

const fixedOnCallId = (db: Db): string | null =>
  cachedStatement<[], { id: string }>(db, 'SELECT id FROM people WHERE is_on_call = 1 ORDER BY is_me DESC, seq LIMIT 1').get()?.id ?? null;

/** Who receives urgent items at `at` when nobody is on duty: the rota's person while a rota is in force, else the fixed one. */
export function onCallPersonIdAt(db: Db, at: number): string | null {
  const stored = storedRota(db);
  return stored?.isActive ? onCallAt(stored.rota, at) : fixedOnCallId(db);
}

export function onCallSetup(db: Db, at: number): OnCallSetup {
  const stored = storedRota(db);
  if (stored?.isActive) {
    return { mode: 'rota', personId: null, rota: stored.rota, onCallNow: onCallAt(stored.rota, at), nextHandoverAt: stored.rota.personIds.length > 0 ? nextHandover(stored.rota, at) : null };
  }
  const personId = fixedOnCallId(db);
  return { mode: personId === null ? 'none' : 'fixed', personId, rota: stored?.rota ?? null, onCallNow: personId, nextHandoverAt: null };
}

/** The one fixed on-call person (the rota, if any, goes out of force), or nobody with null. */
export function setFixedOnCall(db: Db, personSeq: number | null): void {
  db.transaction(() => {
    cachedStatement(db, 'UPDATE people SET is_on_call = 0 WHERE is_on_call = 1').run();
    if (personSeq !== null) cachedStatement(db, 'UPDATE people SET is_on_call = 1 WHERE seq = ?').run(personSeq);
    cachedStatement(db, 'UPDATE on_call_rota SET is_active = 0').run();
  })();
}

/** Puts a rota in force in place of any fixed on-call person; members are people's seqs, in turn order. */
export function setRota(db: Db, rota: Omit<OnCallRota, 'personIds'>, memberSeqs: readonly number[], now: number): void {
  db.transaction(() => {
    cachedStatement(db, 'UPDATE people SET is_on_call = 0 WHERE is_on_call = 1').run();
    cachedStatement(
      db,
      `INSERT INTO on_call_rota (seq, is_active, starts_on, handover_weekday, handover_time, time_zone, updated_at) VALUES (1, 1, ?, ?, ?, ?, ?)
       ON CONFLICT (seq) DO UPDATE SET is_active = 1, starts_on = excluded.starts_on, handover_weekday = excluded.handover_weekday,
         handover_time = excluded.handover_time, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
    ).run(rota.startsOn, rota.handover.weekday, rota.handover.time, rota.timeZone, now);
    cachedStatement(db, 'DELETE FROM on_call_rota_members').run();
    const insert = cachedStatement(db, 'INSERT INTO on_call_rota_members (position, person_seq) VALUES (?, ?)');
    memberSeqs.forEach((seq, position) => insert.run(position, seq));
  })();
}

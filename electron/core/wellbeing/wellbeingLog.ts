import type { Interval } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * The private wellbeing log (migration 3): one row per peek, after-hours reply, break,
 * hostile item revealed, and session in the app. Every query names the person: the ledger
 * is one person's own, and it never leaves this desktop (it is excluded from team sync).
 */
export type WellbeingKind = 'peek' | 'after_hours_reply' | 'break' | 'hostile_revealed' | 'session';

/** A row as the ledger reads it; `offDuty` is filled for sessions only. */
export type LedgerEntry = { kind: WellbeingKind; at: number; durationMs: number; offDuty: Interval[] };

export type Session = { seq: number; startedAt: number; endedAt: number; offDuty: Interval[] };

type Row = { seq: number; kind: WellbeingKind; at: number; duration_ms: number; data: string };

// A session keeps the off-duty stretches it went through, decided as it happened: hours
// changed later do not rewrite the past.
const offDutyOf = (row: Row): Interval[] => (row.kind === 'session' ? ((JSON.parse(row.data) as { off?: Interval[] }).off ?? []) : []);

export function insertEntry(db: Db, personSeq: number, entry: { kind: WellbeingKind; at: number; durationMs?: number; data?: object }): number {
  const { lastInsertRowid } = cachedStatement<[number, string, number, number, string]>(
    db,
    'INSERT INTO wellbeing_log (person_seq, kind, at, duration_ms, data) VALUES (?, ?, ?, ?, ?)',
  ).run(personSeq, entry.kind, entry.at, entry.durationMs ?? 0, JSON.stringify(entry.data ?? {}));
  return Number(lastInsertRowid);
}

/** The hot queries, each served by the (person_seq, at) index (checked in ledger.test.ts). */
export const LATEST_SESSION_SQL = "SELECT seq, kind, at, duration_ms, data FROM wellbeing_log WHERE person_seq = ? AND kind = 'session' ORDER BY at DESC LIMIT 1";
export const ENTRIES_BETWEEN_SQL = 'SELECT seq, kind, at, duration_ms, data FROM wellbeing_log WHERE person_seq = ? AND at >= ? AND at < ?';

export function latestSession(db: Db, personSeq: number): Session | null {
  const row = cachedStatement<[number], Row>(db, LATEST_SESSION_SQL).get(personSeq);
  return row ? { seq: row.seq, startedAt: row.at, endedAt: row.at + row.duration_ms, offDuty: offDutyOf(row) } : null;
}

export function updateSession(db: Db, session: Session): void {
  cachedStatement<[number, string, number]>(db, 'UPDATE wellbeing_log SET duration_ms = ?, data = ? WHERE seq = ?').run(
    session.endedAt - session.startedAt,
    JSON.stringify({ off: session.offDuty }),
    session.seq,
  );
}

/** Whether a break was logged at or after `at`. */
export function hasBreakSince(db: Db, personSeq: number, at: number): boolean {
  return (
    cachedStatement<[number, number], { found: number }>(db, "SELECT 1 AS found FROM wellbeing_log WHERE person_seq = ? AND at >= ? AND kind = 'break' LIMIT 1").get(
      personSeq,
      at,
    ) !== undefined
  );
}

/** Ends one of my entries of `kind` at `now`: how long it lasted, or null if there is no such entry of mine. */
export function endEntry(db: Db, personSeq: number, kind: WellbeingKind, seq: number, now: number): number | null {
  const row = cachedStatement<[number, number, string], { at: number }>(db, 'SELECT at FROM wellbeing_log WHERE seq = ? AND person_seq = ? AND kind = ?').get(seq, personSeq, kind);
  if (!row) return null;
  const durationMs = Math.max(0, now - row.at);
  cachedStatement<[number, number]>(db, 'UPDATE wellbeing_log SET duration_ms = ? WHERE seq = ?').run(durationMs, seq);
  return durationMs;
}

/** My entries that start in [from, to): one range scan of the (person_seq, at) index. */
export function entriesBetween(db: Db, personSeq: number, from: number, to: number): LedgerEntry[] {
  return cachedStatement<[number, number, number], Row>(db, ENTRIES_BETWEEN_SQL)
    .all(personSeq, from, to)
    .map((row) => ({ kind: row.kind, at: row.at, durationMs: row.duration_ms, offDuty: offDutyOf(row) }));
}

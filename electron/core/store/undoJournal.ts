import { ApiFailure } from '../../../shared/api/result';
import { newId } from '../ids';
import type { TriageRecord } from './triageUndo';

/** Enough for `z` pressed many times in a row; older changes are not undone from a notice long gone. */
const KEPT = 100;

/**
 * The last triage changes, in memory: the core keeps what each changed so an undo restores
 * the truth whatever the window knows, and a caller can only name a change, never forge the
 * state to restore. An undo runs once; a restart forgets them, as it forgets the notices.
 */
export function createUndoJournal() {
  const records = new Map<string, TriageRecord>();
  return {
    keep(record: TriageRecord): string {
      const undoId = newId();
      records.set(undoId, record);
      for (const oldest of records.keys()) {
        if (records.size <= KEPT) break;
        records.delete(oldest);
      }
      return undoId;
    },
    /** Runs the undo and forgets the change once it succeeded (a refused undo may be tried again). */
    undo<T>(undoId: string, run: (record: TriageRecord) => T): T {
      const record = records.get(undoId);
      if (!record) throw new ApiFailure('not_found', 'This change can no longer be undone: it was undone already or is too old.', 'undo_gone');
      const result = run(record);
      records.delete(undoId);
      return result;
    },
  };
}

export type UndoJournal = ReturnType<typeof createUndoJournal>;

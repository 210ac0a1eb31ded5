import type { CoreContext } from '../coreContext';
import { me } from '../duty/people';
import { cachedStatement } from '../store/statementCache';
import { isOffDutyAt, overridesBetween } from './ledgerDuty';
import { insertEntry } from './wellbeingLog';

/** How far back a repeated report of the same reply (a retry with the same idempotency key) is recognised. */
const SAME_REPLY_WITHIN_MS = 7 * 86_400_000;

/**
 * Counts a reply in my ledger when I sent it off duty: outside my hours, or under an override
 * ("I'm working now" is after-hours work). Call it after each successful send with the sent
 * message's id and the moment I sent it; a retry of the same message is counted once.
 * Answers whether it was counted.
 */
export function recordReplySent(ctx: CoreContext, { messageId, at }: { messageId: string; at: number }): boolean {
  const person = me(ctx.db, at);
  if (!isOffDutyAt(person.schedule, overridesBetween(ctx.db, person.seq, at, at + 1), at)) return false;
  const data = JSON.stringify({ messageId });
  const isCounted = cachedStatement<[number, number, string], { found: number }>(
    ctx.db,
    "SELECT 1 AS found FROM wellbeing_log WHERE person_seq = ? AND at >= ? AND kind = 'after_hours_reply' AND data = ?",
  ).get(person.seq, at - SAME_REPLY_WITHIN_MS, data);
  if (isCounted) return false;
  insertEntry(ctx.db, person.seq, { kind: 'after_hours_reply', at, data: { messageId } });
  return true;
}

import type { PersonNoticeEvent } from '../../../shared/api/events';
import type { CoreContext } from '../coreContext';
import type { DutyService } from '../duty/dutyService';
import { me } from '../duty/people';
import { cachedStatement } from '../store/statementCache';

type DueRow = { seq: number; kind: PersonNoticeEvent['kind']; conversation_id: string | null; text: string; from_name: string | null };

/** A run tells this many at most: a long absence does not become a wall of notifications. */
const PER_RUN = 20;

/**
 * Tells the person at this desktop what is due for them (a mention, a hand-off, a rule's
 * notify) and marks each told, once. Nothing while they are off duty: the notices wait for
 * their next shift. Teammates' notices stay recorded for the team hub to carry to them.
 */
export function deliverDueNotices(ctx: CoreContext, duty: DutyService): number {
  if (!duty.recipient().isOnDuty) return 0;
  const now = ctx.clock();
  const due = ctx.db.transaction(() => {
    const rows = cachedStatement<[number, number, number], DueRow>(
      ctx.db,
      `SELECT n.seq, n.kind, c.id AS conversation_id, n.text, json_extract(n.data, '$.from') AS from_name
       FROM person_notices n LEFT JOIN conversations c ON c.seq = n.conversation_seq
       WHERE n.delivered_at IS NULL AND n.deliver_after <= ? AND n.person_seq = ?
       ORDER BY n.deliver_after, n.seq LIMIT ?`,
    ).all(now, me(ctx.db, now).seq, PER_RUN);
    const mark = cachedStatement(ctx.db, 'UPDATE person_notices SET delivered_at = ? WHERE seq = ?');
    for (const row of rows) mark.run(now, row.seq);
    return rows;
  })();
  for (const row of due) {
    ctx.events.emit('notification.personNotice', { kind: row.kind, conversationId: row.conversation_id, from: row.from_name ?? '', text: row.text });
  }
  return due.length;
}

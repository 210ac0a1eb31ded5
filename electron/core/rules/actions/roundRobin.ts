import type { Person } from '../../duty/people';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { dutyAt, everyone, openConversationsOf, personById } from './teammates';

/**
 * Whose turn it is: the teammates listed (or everyone) in order, starting after the last one
 * this rule picked; only those on duty now, and under the cap of open conversations. Nobody
 * eligible: the conversation stays unassigned, and the reason says why.
 */
export function pickRoundRobin(db: Db, ruleSeq: number, target: { personIds: readonly string[]; cap: number | null }, at: number): { person: Person } | { skip: string } {
  const candidates = target.personIds.length > 0 ? target.personIds.flatMap((id) => personById(db, id) ?? []) : everyone(db);
  if (candidates.length === 0) return { skip: 'nobody to take turns' };
  const last = cachedStatement<[number], { last_person_id: string }>(db, 'SELECT last_person_id FROM rule_round_robin WHERE rule_seq = ?').get(ruleSeq)?.last_person_id;
  const start = candidates.findIndex((person) => person.id === last) + 1;
  const turn = [...candidates.slice(start), ...candidates.slice(0, start)];
  const onDuty = turn.filter((person) => dutyAt(db, person, at).isOnDuty);
  if (onDuty.length === 0) return { skip: 'nobody on duty now' };
  const person = onDuty.find((candidate) => target.cap === null || openConversationsOf(db, candidate.id) < target.cap);
  return person ? { person } : { skip: `everyone on duty has ${target.cap ?? 0} open conversations or more` };
}

/** The next turn starts after this person. */
export function takeTurn(db: Db, ruleSeq: number, personId: string): void {
  cachedStatement(db, 'INSERT INTO rule_round_robin (rule_seq, last_person_id) VALUES (?, ?) ON CONFLICT (rule_seq) DO UPDATE SET last_person_id = excluded.last_person_id').run(ruleSeq, personId);
}

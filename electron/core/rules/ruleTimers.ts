import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { allWaiting, enabledTimeRules, scheduleReader, timerDue, waitingAmong, type TimeRule, type WaitingConversation } from './waitingConversations';

/**
 * `rule_timers` kept exact: one row per enabled time rule and conversation it waits on, due when
 * the wait reaches the rule's working minutes. Nobody scans conversations to find what is due:
 * the scheduler reads the earliest row. Everything that changes a wait rewrites that
 * conversation's rows (a message in or out, a change of status or assignee), and turning a rule
 * on, off or changing it rewrites that rule's rows.
 */

/** A rule fires once per waiting message: a timer whose message it already fired on is not kept. */
function writeTimers(db: Db, rules: readonly TimeRule[], waiting: readonly WaitingConversation[]): void {
  const hasFired = cachedStatement<[number, number, string], { found: number }>(db, 'SELECT 1 AS found FROM rule_fires WHERE rule_seq = ? AND conversation_seq = ? AND fire_key = ?');
  const insert = cachedStatement<[number, number, number]>(
    db,
    'INSERT INTO rule_timers (rule_seq, conversation_seq, due_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET due_at = excluded.due_at',
  );
  const scheduleOf = scheduleReader();
  for (const conversation of waiting) {
    for (const rule of rules) {
      const due = timerDue(rule, conversation, scheduleOf);
      if (due && !hasFired.get(rule.seq, conversation.conversation_seq, due.fireKey)) insert.run(rule.seq, conversation.conversation_seq, due.dueAt);
    }
  }
}

/** After these conversations changed (messages stored, triage, a rule's action): their timers, rewritten (inside the caller's transaction, if any). */
export function refreshTimers(db: Db, conversationSeqs: readonly number[]): void {
  if (conversationSeqs.length === 0) return;
  db.transaction(() => {
    cachedStatement<[string]>(db, 'DELETE FROM rule_timers WHERE conversation_seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(conversationSeqs));
    const rules = enabledTimeRules(db);
    if (rules.length > 0) writeTimers(db, rules, waitingAmong(db, conversationSeqs));
  })();
}

/** After a rule was created, changed, turned on or off: its timers over every waiting conversation, or none. */
export function rebuildRuleTimers(db: Db, ruleSeq: number): void {
  db.transaction(() => {
    cachedStatement<[number]>(db, 'DELETE FROM rule_timers WHERE rule_seq = ?').run(ruleSeq);
    const rule = enabledTimeRules(db).find((candidate) => candidate.seq === ruleSeq);
    if (rule) writeTimers(db, [rule], allWaiting(db, rule.trigger.type === 'unassigned'));
  })();
}

/** After hours changed (an account's, someone's): the timers of the rules counting in them, rebuilt. */
export function rebuildTimers(db: Db, isCountedInChangedHours: (rule: TimeRule) => boolean): void {
  db.transaction(() => {
    const rules = enabledTimeRules(db).filter(isCountedInChangedHours);
    if (rules.length === 0) return;
    cachedStatement<[string]>(db, 'DELETE FROM rule_timers WHERE rule_seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(rules.map((rule) => rule.seq)));
    writeTimers(db, rules, allWaiting(db, rules.every((rule) => rule.trigger.type === 'unassigned')));
  })();
}

/**
 * The waits the team changes (a `duty.changed`): those counted in an assignee's own hours, and
 * the unassigned ones (removing a teammate unassigns their conversations).
 */
export const dependsOnTeam = (rule: TimeRule): boolean => rule.trigger.type === 'unassigned' || rule.trigger.hours === 'assignee';

export const nextTimerDueAt = (db: Db): number | null => cachedStatement<[], { at: number | null }>(db, 'SELECT min(due_at) AS at FROM rule_timers').get()?.at ?? null;

/** One rule due on these conversations, in the rules' order. */
export type DueRule = { ruleSeq: number; conversationSeqs: number[] };

/**
 * Takes the timers due at `now`: each due one is marked in `rule_fires` with the message it
 * waited on, so that message never makes the rule fire again, and those conversations' timers
 * are rewritten (a later wait of the same rule, or a wait that moved meanwhile, stays). A timer
 * whose wait ended meanwhile (kept exact, it should not exist) goes without firing. Inside the
 * caller's transaction.
 */
export function takeDueTimers(db: Db, now: number): DueRule[] {
  const rows = cachedStatement<[number], { rule_seq: number; conversation_seq: number }>(
    db,
    'SELECT t.rule_seq, t.conversation_seq FROM rule_timers t JOIN rules r ON r.seq = t.rule_seq WHERE t.due_at <= ? ORDER BY r.position, t.due_at, t.conversation_seq',
  ).all(now);
  if (rows.length === 0) return [];
  const mark = cachedStatement<[number, number, string, number]>(db, 'INSERT INTO rule_fires (rule_seq, conversation_seq, fire_key, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const rules = new Map(enabledTimeRules(db).map((rule) => [rule.seq, rule]));
  const conversationSeqs = [...new Set(rows.map((row) => row.conversation_seq))];
  const waiting = new Map(waitingAmong(db, conversationSeqs).map((row) => [row.conversation_seq, row]));
  const scheduleOf = scheduleReader();
  const due = new Map<number, number[]>();
  for (const row of rows) {
    const rule = rules.get(row.rule_seq);
    const conversation = waiting.get(row.conversation_seq);
    const timer = rule && conversation ? timerDue(rule, conversation, scheduleOf) : null;
    if (!timer || timer.dueAt > now || mark.run(row.rule_seq, row.conversation_seq, timer.fireKey, now).changes === 0) continue;
    due.set(row.rule_seq, [...(due.get(row.rule_seq) ?? []), row.conversation_seq]);
  }
  refreshTimers(db, conversationSeqs);
  return [...due].map(([ruleSeq, ruleConversations]) => ({ ruleSeq, conversationSeqs: ruleConversations }));
}

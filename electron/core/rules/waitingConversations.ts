import { triggerSchema, type Trigger } from '../../../shared/rules/ruleSchema';
import { addWorkingMinutes, parseSchedule, type Schedule } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

export type TimeTrigger = Extract<Trigger, { type: 'noReply' | 'unassigned' }>;
/** An enabled rule with a time trigger, as the timers need it. */
export type TimeRule = { seq: number; trigger: TimeTrigger };

/** A conversation whose people wait for the brand: open or snoozed, with messages from a person since its last answer. */
export type WaitingConversation = {
  conversation_seq: number;
  assignee_id: string | null;
  business_hours: string | null;
  /** The assignee's own hours (null: none set, or nobody assigned). */
  assignee_schedule: string | null;
  /** The last time anyone (a person, a rule, a teammate's removal) assigned or unassigned it. */
  assigned_changed_at: number | null;
  latest_seq: number;
  latest_at: number;
  first_seq: number;
  first_at: number;
};

/** When a rule falls due on a conversation, and the waiting message it is about (it fires once per message). */
export type TimerDue = { dueAt: number; fireKey: string };

export function enabledTimeRules(db: Db): TimeRule[] {
  const rows = cachedStatement<[], { seq: number; definition: string }>(
    db,
    "SELECT seq, definition FROM rules WHERE is_enabled = 1 AND trigger_type IN ('noReply', 'unassigned') ORDER BY position",
  ).all();
  // Stored definitions were validated on the way in; parsing the trigger again keeps the type honest.
  return rows.map((row) => ({ seq: row.seq, trigger: triggerSchema.parse((JSON.parse(row.definition) as { trigger: unknown }).trigger) as TimeTrigger }));
}

// An automatic answer (an away reply, a rule's template) tells people they were heard, not
// answered: the wait goes on until someone of the team (or the brand on the platform) replies.
// Messages from people count from when they were written: a backfilled one has waited since.
const WAITING_SQL = (from: string, filter = '1') => `
  WITH candidates AS MATERIALIZED (
    SELECT c.seq, c.assignee_id, a.business_hours, p.schedule AS assignee_schedule,
      coalesce((SELECT max(o.created_at) FROM messages o WHERE o.conversation_seq = c.seq AND o.direction = 'out'
        AND coalesce(o.sent_by_kind, 'person') NOT IN ('away_reply', 'rule')), -1) AS answered_at,
      (SELECT max(h.at) FROM activity h WHERE h.conversation_seq = c.seq AND h.action = 'conversation.assigned') AS assigned_changed_at
    FROM ${from} JOIN accounts a ON a.seq = c.account_seq LEFT JOIN people p ON p.id = c.assignee_id
    WHERE c.status IN ('open', 'snoozed') AND ${filter}
  ), bounds AS MATERIALIZED (
    SELECT w.*,
      (SELECT seq FROM messages m WHERE m.conversation_seq = w.seq AND m.direction = 'in' AND m.created_at > w.answered_at ORDER BY m.created_at DESC, m.seq DESC LIMIT 1) AS latest_seq,
      (SELECT seq FROM messages m WHERE m.conversation_seq = w.seq AND m.direction = 'in' AND m.created_at > w.answered_at ORDER BY m.created_at, m.seq LIMIT 1) AS first_seq
    FROM candidates w
  )
  SELECT b.seq AS conversation_seq, b.assignee_id, b.business_hours, b.assignee_schedule, b.assigned_changed_at,
    b.latest_seq, latest.created_at AS latest_at, b.first_seq, first.created_at AS first_at
  FROM bounds b JOIN messages latest ON latest.seq = b.latest_seq JOIN messages first ON first.seq = b.first_seq`;

/** After every ingest batch: CROSS JOIN looks these conversations up by key, never scanning the open ones. */
export const WAITING_AMONG_SQL = WAITING_SQL('json_each(?) j CROSS JOIN conversations c ON c.seq = j.value');

/** The waiting ones among these conversations. */
export const waitingAmong = (db: Db, conversationSeqs: readonly number[]): WaitingConversation[] =>
  cachedStatement<[string], WaitingConversation>(db, WAITING_AMONG_SQL).all(JSON.stringify(conversationSeqs));

/** Every waiting conversation (only the unassigned ones if asked): one query when a rule is turned on or hours change. */
export const allWaiting = (db: Db, isUnassignedOnly: boolean): WaitingConversation[] =>
  cachedStatement<[], WaitingConversation>(db, WAITING_SQL('conversations c', isUnassignedOnly ? 'c.assignee_id IS NULL' : '1')).all();

/** Parses each stored schedule once per pass: the schedule math caches its days per parsed object. */
export function scheduleReader(): (json: string | null) => Schedule | null {
  const parsed = new Map<string, Schedule>();
  return (json) => {
    if (json === null) return null;
    let schedule = parsed.get(json);
    if (!schedule) {
      // Stored hours were validated on the way in; parsing again keeps the type honest.
      schedule = parseSchedule(JSON.parse(json));
      parsed.set(json, schedule);
    }
    return schedule;
  };
}

/**
 * When `rule` falls due on a waiting conversation. No reply: from the latest message from a
 * person, in the account's hours or, when the rule says so and someone has it, the assignee's
 * (no hours set: every minute counts, as someone without a schedule is always on duty).
 * Unassigned: from the first message nobody answered, or from when it was left to nobody if
 * later (taken, then given back, it waits anew and may fire again), in the account's hours.
 * Null: the rule does not wait on it, or its hours never open again.
 */
export function timerDue(rule: TimeRule, waiting: WaitingConversation, scheduleOf: (json: string | null) => Schedule | null): TimerDue | null {
  const { trigger } = rule;
  if (trigger.type === 'unassigned') {
    if (waiting.assignee_id !== null) return null;
    const leftAt = waiting.assigned_changed_at !== null && waiting.assigned_changed_at > waiting.first_at ? waiting.assigned_changed_at : null;
    const dueAt = addWorkingMinutes(scheduleOf(waiting.business_hours), leftAt ?? waiting.first_at, trigger.workingMinutes);
    return dueAt === null ? null : { dueAt, fireKey: leftAt === null ? `unassigned:${waiting.first_seq}` : `unassigned:${waiting.first_seq}:${leftAt}` };
  }
  const hours = trigger.hours === 'assignee' && waiting.assignee_id !== null ? waiting.assignee_schedule : waiting.business_hours;
  const dueAt = addWorkingMinutes(scheduleOf(hours), waiting.latest_at, trigger.workingMinutes);
  return dueAt === null ? null : { dueAt, fireKey: `noReply:${waiting.latest_seq}` };
}

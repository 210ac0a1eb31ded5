import type { Trigger } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { latestInbound, replay, statusAt, waitingOf, type ChangedFields, type TimelineConversation, type TimelineState } from './conversationTimeline';
import { scheduleReader, timerDue, type TimeTrigger } from './waitingConversations';

/**
 * When a time or change trigger would have set a rule off in the past, replayed from the
 * conversations' timelines through what the live path uses: the waits through `timerDue` (the
 * same working minutes, hours and once-per-message keys as `rule_timers`), the changes from the
 * history lines the live triggers follow.
 */
export type ReplayMoment = {
  conversationSeq: number;
  at: number;
  /** The latest message from a person stored by then: the one the live target reads (null: none yet). */
  messageSeq: number | null;
  /** The conversation's status, assignee and message count then (tags and urgency are read as they are now). */
  status: string;
  assigneeId: string | null;
  messageCount: number;
};

const momentOf = (conversationSeq: number, state: Readonly<TimelineState>, at: number): ReplayMoment => ({
  conversationSeq,
  at,
  messageSeq: latestInbound(state),
  status: statusAt(state, at),
  assigneeId: state.assigneeId,
  messageCount: state.messageCount,
});

/** The assignees' hours, as they are now (past schedules are not kept). */
function personSchedules(db: Db): (personId: string) => string | null {
  const rows = db.prepare<[], { id: string; schedule: string | null }>('SELECT id, schedule FROM people').all();
  const byId = new Map(rows.map((row) => [row.id, row.schedule]));
  return (personId) => byId.get(personId) ?? null;
}

/**
 * Each time the rule's wait would have fallen due in [since, until]: between two steps of a
 * conversation the wait stands still, so it falls due then if its due time comes no later than the
 * next step (the scheduler fires what is due at a moment before that moment's message is taken
 * in), or at once, when a step leaves a wait already overdue, as the scheduler wakes for it.
 * The rule is tried on the history as it happened: what its own actions would have changed (an
 * assignment ending an unassigned wait) is not played forward. It fires once per waiting
 * message either way, so that changes what it matches only when a later wait depends on it.
 */
export function timeTriggerMoments(db: Db, timelines: readonly TimelineConversation[], trigger: TimeTrigger, since: number, until: number): ReplayMoment[] {
  const rule = { seq: 0, trigger };
  const scheduleOf = scheduleReader();
  const assigneeSchedule = personSchedules(db);
  const moments: ReplayMoment[] = [];
  for (const timeline of timelines) {
    const fired = new Set<string>();
    replay(timeline, (step, state, _before, nextAt) => {
      const waiting = waitingOf(timeline, state, assigneeSchedule);
      const due = waiting ? timerDue(rule, waiting, scheduleOf) : null;
      if (!due || fired.has(due.fireKey)) return;
      const at = Math.max(due.dueAt, step.at);
      if (at > nextAt || at > until) return;
      fired.add(due.fireKey);
      if (at >= since) moments.push(momentOf(timeline.seq, state, at));
    });
  }
  return moments.sort((a, b) => a.at - b.at || a.conversationSeq - b.conversationSeq);
}

type Change = Extract<Trigger, { type: 'conversationChanged' }>['changes'][number];
const CHANGE_OF_LINE: Readonly<Record<string, Change>> = { 'conversation.status': 'status', 'conversation.tags': 'tags', 'conversation.assigned': 'assignee' };

/**
 * Whether a live change trigger would have followed this line: a person's change, or a rule's
 * (never ingest's). A change rule runs first for a person's change, and what it changes then is
 * followed once more; set off by another rule's change, what it changes is followed no further.
 * So a change rule's line is followed only after a person's line on the conversation at that
 * same moment. A line that left status, assignee or tags as they were changed nothing, as the
 * live triage sees it.
 */
function isTriggering(step: { at: number; action: string; actor: string }, state: Readonly<TimelineState>, before: ChangedFields, actors: Actors, personLineAt: number | null): Change | null {
  const change = CHANGE_OF_LINE[step.action];
  if (!change || actors.quiet.has(step.actor) || (actors.changeRules.has(step.actor) && personLineAt !== step.at)) return null;
  if (change === 'status' && state.status === before.status && state.snoozeUntil === before.snoozeUntil) return null;
  if (change === 'assignee' && state.assigneeId === before.assigneeId) return null;
  if (change === 'tags' && state.tags.join('\n') === before.tags.join('\n')) return null;
  return change;
}

/** Who wrote history lines no rule follows, and the rules with a change trigger. */
type Actors = { quiet: ReadonlySet<string>; changeRules: ReadonlySet<string> };

/** Each change of the trigger's kinds in [since, until], with the conversation as the change left it. */
export function changeMoments(db: Db, timelines: readonly TimelineConversation[], changes: readonly Change[], since: number, until: number): ReplayMoment[] {
  const changeRules = db.prepare<[], { actor: string }>("SELECT 'rule:' || id AS actor FROM rules WHERE trigger_type = 'conversationChanged'").all();
  const actors: Actors = { quiet: new Set(['ingest', 'demo']), changeRules: new Set(changeRules.map((row) => row.actor)) };
  const moments: ReplayMoment[] = [];
  for (const timeline of timelines) {
    let personLineAt: number | null = null;
    replay(timeline, (step, state, before) => {
      if (step.kind !== 'line' || !(step.action in CHANGE_OF_LINE)) return;
      const change = isTriggering(step, state, before, actors, personLineAt);
      if (!step.actor.startsWith('rule:') && !actors.quiet.has(step.actor)) personLineAt = step.at;
      if (change && changes.includes(change) && step.at >= since && step.at <= until) moments.push(momentOf(timeline.seq, state, step.at));
    });
  }
  return moments.sort((a, b) => a.at - b.at || a.conversationSeq - b.conversationSeq);
}

import type { Db } from '../store/database';
import type { WaitingConversation } from './waitingConversations';

/**
 * A conversation's past, replayed in the order the inbox learned it: its messages (when they
 * were stored) and the history lines of its status and assignee. What time and change triggers
 * would have done is read from it (issue #12 §3): the state at each step is what the live
 * timers and facts read at that moment. Hours are read as they are now: schedules edited since
 * are not kept.
 */

/** One conversation, as the dry run replays it. */
export type TimelineConversation = {
  seq: number;
  businessHours: string | null;
  steps: TimelineStep[];
};

export type TimelineStep =
  | { kind: 'message'; at: number; seq: number; direction: 'in' | 'out'; sentByKind: string | null; createdAt: number }
  | { kind: 'line'; at: number; action: string; actor: string; data: { status?: string; snoozeUntil?: number | null; assigneeId?: string | null; add?: string[]; remove?: string[] } };

/** The conversation as it stood after a step. */
export type TimelineState = {
  status: string;
  snoozeUntil: number | null;
  assigneeId: string | null;
  /** The last `conversation.assigned` line, as the live wait reads it. */
  assignedChangedAt: number | null;
  /** When the team last answered (created_at of its latest outbound message that is not automatic); -1: never. */
  answeredAt: number;
  /** Messages from people stored so far: seq and created_at. */
  inbound: { seq: number; createdAt: number }[];
  /** Every message stored so far, both ways (the conversation's message count then). */
  messageCount: number;
  /** Its tags, sorted: only to tell a tag line that changed nothing (a tag it already had). */
  tags: string[];
};

/** History lines that move the state: status, assignee, tags (tags only trigger), and ingest reopening. */
export const TIMELINE_ACTIONS = ['conversation.status', 'conversation.assigned', 'conversation.tags', 'conversation.reopened'] as const;
/** Automatic answers tell people they were heard, not answered: the wait goes on (as in waitingConversations.ts). */
const AUTOMATIC = new Set(['away_reply', 'rule']);

const initialState = (): TimelineState => ({ status: 'open', snoozeUntil: null, assigneeId: null, assignedChangedAt: null, answeredAt: -1, inbound: [], messageCount: 0, tags: [] });

function apply(state: TimelineState, step: TimelineStep): void {
  if (step.kind === 'message') {
    state.messageCount += 1;
    if (step.direction === 'in') state.inbound.push({ seq: step.seq, createdAt: step.createdAt });
    else if (!AUTOMATIC.has(step.sentByKind ?? 'person')) state.answeredAt = Math.max(state.answeredAt, step.createdAt);
    return;
  }
  if (step.action === 'conversation.status' && step.data.status !== undefined) {
    state.status = step.data.status;
    state.snoozeUntil = step.data.snoozeUntil ?? null;
  } else if (step.action === 'conversation.reopened') {
    state.status = 'open';
    state.snoozeUntil = null;
  } else if (step.action === 'conversation.assigned') {
    state.assigneeId = step.data.assigneeId ?? null;
    state.assignedChangedAt = step.at;
  } else if (step.action === 'conversation.tags') {
    const removed = new Set(step.data.remove ?? []);
    state.tags = [...new Set([...state.tags, ...(step.data.add ?? [])])].filter((tag) => !removed.has(tag)).sort();
  }
}

/** Status as it reads at `at`: a snooze whose time came is open again (the inbox wakes it without a line). */
export const statusAt = (state: Readonly<TimelineState>, at: number): string => (state.status === 'snoozed' && state.snoozeUntil !== null && state.snoozeUntil <= at ? 'open' : state.status);

/** What a step may have changed that a change trigger asks about. */
export type ChangedFields = Pick<TimelineState, 'status' | 'snoozeUntil' | 'assigneeId' | 'tags'>;

/**
 * Walks the steps in order, handing each one with the state after it, the fields as they were
 * before it, and when the next step comes (never, after the last). The state is the walk's own,
 * changed by the next step: a visitor copies what it keeps (no copy per step: a long
 * conversation would cost its length squared).
 */
export function replay(conversation: TimelineConversation, visit: (step: TimelineStep, state: Readonly<TimelineState>, before: ChangedFields, nextAt: number) => void): void {
  const state = initialState();
  conversation.steps.forEach((step, index) => {
    // `apply` replaces the tags array rather than changing it: keeping its reference is a copy.
    const before: ChangedFields = { status: state.status, snoozeUntil: state.snoozeUntil, assigneeId: state.assigneeId, tags: state.tags };
    apply(state, step);
    visit(step, state, before, conversation.steps[index + 1]?.at ?? Number.POSITIVE_INFINITY);
  });
}

/**
 * The state as the live timers read a waiting conversation (open or snoozed, with messages from
 * people since the last answer), or null when nobody waits. `assigneeSchedule` is the assignee's
 * hours now.
 */
export function waitingOf(conversation: TimelineConversation, state: Readonly<TimelineState>, assigneeSchedule: (personId: string) => string | null): WaitingConversation | null {
  if (state.status !== 'open' && state.status !== 'snoozed') return null;
  const unanswered = state.inbound.filter((message) => message.createdAt > state.answeredAt);
  if (unanswered.length === 0) return null;
  const later = (a: { seq: number; createdAt: number }, b: { seq: number; createdAt: number }) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.seq > b.seq);
  const latest = unanswered.reduce((best, message) => (later(message, best) ? message : best));
  const first = unanswered.reduce((best, message) => (later(best, message) ? message : best));
  return {
    conversation_seq: conversation.seq,
    assignee_id: state.assigneeId,
    business_hours: conversation.businessHours,
    assignee_schedule: state.assigneeId === null ? null : assigneeSchedule(state.assigneeId),
    assigned_changed_at: state.assignedChangedAt,
    latest_seq: latest.seq,
    latest_at: latest.createdAt,
    first_seq: first.seq,
    first_at: first.createdAt,
  };
}

/** The latest message from a person stored by then (what the live target reads), or null. */
export const latestInbound = (state: Readonly<TimelineState>): number | null => state.inbound.reduce<number | null>((best, message) => (best === null || message.seq > best ? message.seq : best), null);

type MessageStepRow = { conversation_seq: number; at: number; seq: number; direction: 'in' | 'out'; sent_by_kind: string | null; created_at: number };
type LineStepRow = { conversation_seq: number; at: number; action: string; actor: string; data: string };

/**
 * The timelines of the conversations that may have done something in [since, until]: those with
 * a message or a history line in the period, and those still waiting now (a wait may start before
 * the period and end in it). A conversation closed before the period and quiet since did nothing in it.
 */
export function loadTimelines(db: Db, since: number, until: number): TimelineConversation[] {
  const candidates = `SELECT c.seq, c.id, a.business_hours FROM conversations c JOIN accounts a ON a.seq = c.account_seq
    WHERE c.status IN ('open', 'snoozed')
      OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_seq = c.seq AND m.received_at BETWEEN @since AND @until)
      OR EXISTS (SELECT 1 FROM activity h WHERE h.conversation_seq = c.seq AND h.at BETWEEN @since AND @until)`;
  const conversations = db.prepare<[{ since: number; until: number }], { seq: number; id: string; business_hours: string | null }>(candidates).all({ since, until });
  const bySeq = new Map<number, TimelineConversation>(conversations.map((row) => [row.seq, { seq: row.seq, businessHours: row.business_hours, steps: [] }]));
  const seqs = JSON.stringify(conversations.map((row) => row.seq));
  const messages = db
    .prepare<[string, number], MessageStepRow>(
      'SELECT conversation_seq, received_at AS at, seq, direction, sent_by_kind, created_at FROM messages WHERE conversation_seq IN (SELECT value FROM json_each(?)) AND received_at <= ?',
    )
    .all(seqs, until);
  const lines = db
    .prepare<[string, string, number], LineStepRow>(
      `SELECT c.seq AS conversation_seq, h.at, h.action, h.actor, h.data FROM json_each(?) j CROSS JOIN conversations c ON c.seq = j.value
       JOIN activity h ON h.conversation_seq = c.seq WHERE h.action IN (SELECT value FROM json_each(?)) AND h.at <= ? ORDER BY h.at, h.rowid`,
    )
    .all(seqs, JSON.stringify(TIMELINE_ACTIONS), until);
  for (const row of messages) {
    bySeq.get(row.conversation_seq)?.steps.push({ kind: 'message', at: row.at, seq: row.seq, direction: row.direction, sentByKind: row.sent_by_kind, createdAt: row.created_at });
  }
  for (const row of lines) {
    // Written by the core as JSON objects; only the fields above are read.
    bySeq.get(row.conversation_seq)?.steps.push({ kind: 'line', at: row.at, action: row.action, actor: row.actor, data: JSON.parse(row.data) as Extract<TimelineStep, { kind: 'line' }>['data'] });
  }
  const timelines = [...bySeq.values()];
  // Stable: at the same moment, a message stored before a line about it (ingest stores, then triages).
  for (const timeline of timelines) timeline.steps.sort((a, b) => a.at - b.at || (a.kind === b.kind ? (a.kind === 'message' && b.kind === 'message' ? a.seq - b.seq : 0) : a.kind === 'message' ? -1 : 1));
  return timelines;
}

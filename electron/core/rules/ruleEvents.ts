import type { IngestedMessage } from '../ingest/triageHook';
import type { Db } from '../store/database';

/**
 * What makes rules run, as the engine receives it. Message rules run inside the ingest batch's
 * transaction; the others inside the transaction of whoever raises them (a change by a person
 * or a rule, the scheduler for time and shift triggers).
 */
export type RuleEvent =
  | { type: 'messageArrived'; messages: readonly IngestedMessage[] }
  /** Someone changed these conversations; `by` is the rule that did, so it never triggers itself. */
  | { type: 'conversationChanged'; change: 'status' | 'tags' | 'assignee'; conversationSeqs: readonly number[]; byRuleSeq: number | null }
  /** One time-triggered rule is due on these conversations (from `rule_timers`). */
  | { type: 'due'; ruleSeq: number; conversationSeqs: readonly number[] }
  /**
   * A person's shift started or ended. `conversationSeqs`: the open conversations of every scope
   * the enabled rules for this change use (theirs, the unassigned ones, or both), raised once
   * for all those rules: the runner keeps, per rule, those of its trigger's `scope`.
   */
  | { type: 'shiftStarts' | 'shiftEnds'; personId: string; conversationSeqs: readonly number[] };

/** What a run changed: conversations for the change event, urgent ones to escalate after commit. */
export type RuleRunResult = {
  changedConversationIds: string[];
  newlyUrgent: { conversationId: string; reason: string; messageSeq: number | null }[];
  /** Sends a rule queued: the outbox is woken after commit. */
  queuedSends: number;
};

/** The engine's one entry point; runs inside the caller's transaction. */
export type RuleRunner = (db: Db, event: RuleEvent, at: number) => RuleRunResult;

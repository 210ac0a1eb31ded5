import type { DryRunMatch, DryRunResult } from '../../../shared/api/rules';
import { compileConditions } from '../../../shared/rules/compileConditions';
import type { RuleAction, RuleActionType, RuleDefinition } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { runAction } from './actions/actionRunners';
import { loadTimelines } from './conversationTimeline';
import { candidateQuery } from './dryRunQuery';
import { changeMoments, timeTriggerMoments, type ReplayMoment } from './replayTriggers';
import type { RuleActionContext } from './ruleActionContext';
import { createFactReader, type FactReader, type FactRow, type SpamScorer } from './ruleFacts';
import { conversationOnlyTarget, messageTarget, type RuleTarget, type TargetFacts } from './ruleTargets';
import { RunNotes } from './runNotes';
import { RunPriorities } from './runPriorities';
import { RunTagLinks } from './runTagLinks';

const DAY_MS = 86_400_000;
const SNIPPET_LENGTH = 140;

export type DryRunOptions = { days: number; sampleSize: number; allIds: boolean };

/** Stands for the draft in the actions' context: it has no row of its own. */
const DRAFT = { seq: 0, id: 'dry-run' };

/**
 * Shifts cannot be replayed honestly: who was on duty when is not kept (an "I'm off now", a
 * schedule edited since), so the dry run says so rather than guess.
 */
const isShiftTrigger = (type: RuleDefinition['trigger']['type']): boolean => type === 'shiftStarts' || type === 'shiftEnds';

/** What one scan tries the rule on: each candidate, as the live rule would have looked at it then. */
type Scan = { reader: FactReader; tryOn(target: RuleTarget, at: number): void };

/** What the matches add up to: their conversations, the action types that would apply in each, the most recent ones. */
class Tally {
  /** Per matched conversation, the action types already found to apply there. */
  readonly applied = new Map<string, Set<RuleActionType>>();
  readonly counts = new Map<RuleActionType, number>();
  matchedMessages = 0;
  private recent: RuleActionContext[] = [];

  constructor(
    private readonly actions: readonly RuleAction[],
    private readonly sampleSize: number,
  ) {}

  add(match: RuleActionContext): void {
    this.matchedMessages++;
    const { id } = match.conversation;
    const counted = this.applied.get(id) ?? new Set<RuleActionType>();
    this.applied.set(id, counted);
    // The live runners, in dry-run mode: they decide as live and change nothing, so each
    // action can be asked alone, and only until it is known to apply in this conversation.
    for (const action of this.actions) {
      if (counted.has(action.type) || runAction(match, action).outcome !== 'apply') continue;
      counted.add(action.type);
      this.counts.set(action.type, (this.counts.get(action.type) ?? 0) + 1);
    }
    this.recent.push(match);
    // Oldest first: the last `sampleSize` kept are the most recent (trimmed now and then, not per match).
    if (this.recent.length >= 2 * this.sampleSize + 64) this.recent = this.recent.slice(-this.sampleSize);
  }

  /** The most recent matches first, each planned in full (on the same snapshot as the scan). */
  sample(): DryRunMatch[] {
    const recent = this.sampleSize === 0 ? [] : this.recent.slice(-this.sampleSize).reverse();
    return recent.map((ctx) => ({
      conversationId: ctx.conversation.id,
      messageId: ctx.message ? String(ctx.message.seq) : null,
      at: ctx.at,
      author: ctx.message ? ctx.message.name || ctx.message.handle : '',
      snippet: ctx.message ? ctx.message.text.slice(0, SNIPPET_LENGTH) : '',
      hostility: ctx.message?.hostility ?? 0,
      actions: this.actions.map((action) => runAction(ctx, action)),
    }));
  }
}

const elapsedMs = (start: number): number => Math.round(performance.now() - start);

/** Every message from a person received in the period, as ingest hands them to the rules; returns how many. */
function scanMessages(db: Db, definition: RuleDefinition, since: number, now: number, scan: Scan): number {
  const { sql, params } = candidateQuery(definition.when, since, now);
  let scanned = 0;
  for (const row of db.prepare<(string | number)[], FactRow>(sql).iterate(...params)) {
    scanned++;
    const conversation = { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id };
    scan.tryOn({ conversation, message: row, facts: scan.reader.factsOf(row, row.received_at) }, row.received_at);
  }
  return scanned;
}

/**
 * Each moment a time or change trigger would have set the rule off, with the target the live
 * rule reads then: the latest message from a person stored by then (or the conversation alone),
 * the conversation's status, assignee and message count as the timeline had them. Returns how
 * many conversations were replayed.
 */
function scanMoments(db: Db, trigger: Exclude<RuleDefinition['trigger'], { type: 'messageArrived' }>, since: number, now: number, scan: Scan): number {
  const timelines = loadTimelines(db, since, now);
  let moments: ReplayMoment[] = [];
  if (trigger.type === 'noReply' || trigger.type === 'unassigned') moments = timeTriggerMoments(db, timelines, trigger, since, now);
  else if (trigger.type === 'conversationChanged') moments = changeMoments(db, timelines, trigger.changes, since, now);
  for (const moment of moments) {
    const target = moment.messageSeq === null ? conversationOnlyTarget(db, moment.conversationSeq, moment.at) : messageTarget(scan.reader, moment.messageSeq, moment.at);
    if (!target) continue;
    const then: PropertyDescriptorMap = { status: { value: moment.status }, assignee: { value: moment.assigneeId } };
    if (target.message === null) then.messageCount = { value: moment.messageCount };
    // The facts read as the live target's, but for what the timeline knows of that moment.
    scan.tryOn({ ...target, facts: Object.create(target.facts, then) as TargetFacts }, moment.at);
  }
  return timelines.length;
}

/**
 * Tries a rule on the last `days` of history and changes nothing: every message from a person
 * received in the period (or, for time and change triggers, each moment the trigger would have
 * fired, replayed from the conversations' timelines), read by the live rules' fact reader,
 * matched by the same compiled conditions, its actions planned by the live runners in dry-run
 * mode. Runs inside a read transaction, so one consistent snapshot is read however long it takes.
 */
export function dryRun(db: Db, definition: RuleDefinition, options: DryRunOptions, now: number, scoreSpam: SpamScorer, connectors: RuleActionContext['connectors']): DryRunResult {
  const start = performance.now();
  const { trigger } = definition;
  if (isShiftTrigger(trigger.type)) {
    const empty: DryRunResult = { days: options.days, scanned: 0, matchedConversations: 0, matchedMessages: 0, sample: [], actionCounts: {}, tookMs: 0 };
    return { ...empty, unsupported: 'shift', ...(options.allIds ? { matchedConversationIds: [] } : {}), tookMs: elapsedMs(start) };
  }

  const matches = compileConditions(definition.when);
  const since = now - options.days * DAY_MS;
  const rule = { ...DRAFT, name: definition.name };
  // A dry run changes nothing: its tags and priorities only ask the database.
  const tags = new RunTagLinks(db, now);
  const priorities = new RunPriorities(db, now);
  // Never flushed: a dry run's actions only say what they would do.
  const notes = new RunNotes(db, now);
  // As the live runner builds it: the facts go to the actions only with a message.
  const contextOf = (target: RuleTarget, at: number): RuleActionContext => ({
    db,
    at,
    isDryRun: true,
    connectors,
    rule,
    conversation: target.conversation,
    message: target.message,
    facts: target.message ? target.facts : null,
    tags,
    priorities,
    notes,
    history: () => {
      throw new Error('A dry run writes no history.');
    },
  });
  const tally = new Tally(definition.actions, options.sampleSize);
  const scan: Scan = {
    reader: createFactReader(db, scoreSpam),
    tryOn: (target, at) => {
      if (matches(target.facts)) tally.add(contextOf(target, at));
    },
  };
  let scanned = 0;
  let sample: DryRunMatch[] = [];
  db.transaction(() => {
    scanned = trigger.type === 'messageArrived' ? scanMessages(db, definition, since, now, scan) : scanMoments(db, trigger, since, now, scan);
    sample = tally.sample();
  })();

  return {
    days: options.days,
    scanned,
    matchedConversations: tally.applied.size,
    matchedMessages: tally.matchedMessages,
    sample,
    ...(options.allIds ? { matchedConversationIds: [...tally.applied.keys()] } : {}),
    actionCounts: Object.fromEntries(tally.counts),
    tookMs: elapsedMs(start),
  };
}

import type { DryRunMatch, DryRunResult } from '../../../shared/api/rules';
import { compileConditions, type RuleFacts } from '../../../shared/rules/compileConditions';
import type { RuleAction, RuleActionType, RuleDefinition } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { runAction } from './actions/actionRunners';
import { candidateQuery } from './dryRunQuery';
import type { RuleActionContext } from './ruleActionContext';
import { createFactReader, type FactRow, type SpamScorer } from './ruleFacts';

const DAY_MS = 86_400_000;
const SNIPPET_LENGTH = 140;

export type DryRunOptions = { days: number; sampleSize: number; allIds: boolean };

/** Stands for the draft in the actions' context: it has no row of its own. */
const DRAFT = { seq: 0, id: 'dry-run' };

/** The triggers history cannot replay honestly yet: the dry run says so rather than guess. */
const UNSUPPORTED: Partial<Record<RuleDefinition['trigger']['type'], NonNullable<DryRunResult['unsupported']>>> = {
  noReply: 'timeTrigger',
  unassigned: 'timeTrigger',
  conversationChanged: 'conversationChanged',
  shiftStarts: 'shift',
  shiftEnds: 'shift',
};

type Match = { row: FactRow; ctx: RuleActionContext };

/** What the matches add up to: their conversations, the action types that would apply in each, the most recent ones. */
class Tally {
  /** Per matched conversation, the action types already found to apply there. */
  readonly applied = new Map<string, Set<RuleActionType>>();
  readonly counts = new Map<RuleActionType, number>();
  matchedMessages = 0;
  private recent: Match[] = [];

  constructor(
    private readonly actions: readonly RuleAction[],
    private readonly sampleSize: number,
  ) {}

  add(match: Match): void {
    this.matchedMessages++;
    const id = match.row.conversation_id;
    const counted = this.applied.get(id) ?? new Set<RuleActionType>();
    this.applied.set(id, counted);
    // The live runners, in dry-run mode: they decide as live and change nothing, so each
    // action can be asked alone, and only until it is known to apply in this conversation.
    for (const action of this.actions) {
      if (counted.has(action.type) || runAction(match.ctx, action).outcome !== 'apply') continue;
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
    return recent.map(({ row, ctx }) => ({
      conversationId: row.conversation_id,
      messageId: String(row.seq),
      at: row.received_at,
      author: row.name || row.handle,
      snippet: row.text.slice(0, SNIPPET_LENGTH),
      hostility: row.hostility,
      actions: this.actions.map((action) => runAction(ctx, action)),
    }));
  }
}

const elapsedMs = (start: number): number => Math.round(performance.now() - start);

/**
 * Tries a rule on the last `days` of history and changes nothing: every message from a person
 * received in the period, read by the live rules' fact reader, matched by the same compiled
 * conditions, its actions planned by the live runners in dry-run mode. Runs inside a read
 * transaction, so one consistent snapshot is read however long it takes.
 */
export function dryRun(db: Db, definition: RuleDefinition, options: DryRunOptions, now: number, scoreSpam: SpamScorer, connectors: RuleActionContext['connectors']): DryRunResult {
  const start = performance.now();
  const unsupported = UNSUPPORTED[definition.trigger.type];
  const empty: DryRunResult = { days: options.days, scanned: 0, matchedConversations: 0, matchedMessages: 0, sample: [], actionCounts: {}, tookMs: 0 };
  if (unsupported) return { ...empty, unsupported, ...(options.allIds ? { matchedConversationIds: [] } : {}), tookMs: elapsedMs(start) };

  const matches = compileConditions(definition.when);
  const reader = createFactReader(db, scoreSpam);
  const { sql, params } = candidateQuery(definition.when, now - options.days * DAY_MS, now);
  const rule = { ...DRAFT, name: definition.name };
  const contextOf = (row: FactRow, facts: RuleFacts): RuleActionContext => ({
    db,
    at: row.received_at,
    isDryRun: true,
    connectors,
    rule,
    conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id },
    message: row,
    facts,
  });
  const tally = new Tally(definition.actions, options.sampleSize);
  let scanned = 0;
  let sample: DryRunMatch[] = [];
  db.transaction(() => {
    for (const row of db.prepare<(string | number)[], FactRow>(sql).iterate(...params)) {
      scanned++;
      const facts = reader.factsOf(row, row.received_at);
      if (matches(facts)) tally.add({ row, ctx: contextOf(row, facts) });
    }
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

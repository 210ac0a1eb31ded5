import type { DryRunMatch, DryRunResult, PlannedAction } from '../../../shared/api/rules';
import { compileConditions, type RuleFacts } from '../../../shared/rules/compileConditions';
import type { RuleActionType, RuleDefinition } from '../../../shared/rules/ruleSchema';
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

function matchOf(row: FactRow, actions: PlannedAction[]): DryRunMatch {
  return { conversationId: row.conversation_id, messageId: String(row.seq), at: row.received_at, author: row.name || row.handle, snippet: row.text.slice(0, SNIPPET_LENGTH), actions };
}

const elapsedMs = (start: number): number => Math.round(performance.now() - start);

/**
 * Tries a rule on the last `days` of history and changes nothing: every message from a person
 * received in the period, read by the live rules' fact reader, matched by the same compiled
 * conditions, its actions planned by the live runners in dry-run mode. Runs inside a read
 * transaction, so one consistent snapshot is read however long it takes.
 */
export function dryRun(db: Db, definition: RuleDefinition, options: DryRunOptions, now: number, scoreSpam: SpamScorer): DryRunResult {
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
    rule,
    conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id },
    message: row,
    facts,
  });
  /** Per matched conversation, the action types already found to apply there. */
  const applied = new Map<string, Set<RuleActionType>>();
  const counts = new Map<RuleActionType, number>();
  let recent: { row: FactRow; ctx: RuleActionContext }[] = [];
  let scanned = 0;
  let matchedMessages = 0;
  let sample: DryRunMatch[] = [];

  db.transaction(() => {
    for (const row of db.prepare<(string | number)[], FactRow>(sql).iterate(...params)) {
      scanned++;
      const facts = reader.factsOf(row, row.received_at);
      if (!matches(facts)) continue;
      matchedMessages++;
      const ctx = contextOf(row, facts);
      const counted = applied.get(row.conversation_id) ?? new Set<RuleActionType>();
      applied.set(row.conversation_id, counted);
      // The live runners, in dry-run mode: they decide as live and change nothing, so each
      // action can be asked alone, and only until it is known to apply in this conversation.
      for (const action of definition.actions) {
        if (counted.has(action.type) || runAction(ctx, action).outcome !== 'apply') continue;
        counted.add(action.type);
        counts.set(action.type, (counts.get(action.type) ?? 0) + 1);
      }
      recent.push({ row, ctx });
      // Oldest first: the last `sampleSize` kept are the most recent (trimmed now and then, not per match).
      if (recent.length >= 2 * options.sampleSize + 64) recent = recent.slice(-options.sampleSize);
    }
    // Planned in full for the sample only, on the same snapshot.
    sample = (options.sampleSize === 0 ? [] : recent.slice(-options.sampleSize).reverse()).map(({ row, ctx }) => matchOf(row, definition.actions.map((action) => runAction(ctx, action))));
  })();

  return {
    days: options.days,
    scanned,
    matchedConversations: applied.size,
    matchedMessages,
    sample,
    ...(options.allIds ? { matchedConversationIds: [...applied.keys()] } : {}),
    actionCounts: Object.fromEntries(counts),
    tookMs: elapsedMs(start),
  };
}

import type { DryRunMatch, DryRunResult, PlannedAction } from '../../../shared/api/rules';
import { compileConditions } from '../../../shared/rules/compileConditions';
import type { RuleAction, RuleDefinition } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { candidateQuery } from './dryRunQuery';
import type { RuleActionContext } from './ruleActionContext';
import { createFactReader, type FactRow, type SpamScorer } from './ruleFacts';

const DAY_MS = 86_400_000;
const SNIPPET_LENGTH = 140;

/** What each action of a rule would do, decided by the same runners as the live rule, in dry-run mode. */
export type ActionPlanner = (ctx: RuleActionContext, actions: readonly RuleAction[]) => PlannedAction[];

export type DryRunOptions = { days: number; sampleSize: number; allIds: boolean };
export type DryRunDeps = { scoreSpam: SpamScorer; planActions: ActionPlanner };

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

const elapsedMs = (start: number): number => Math.round(performance.now() - start);

/**
 * Tries a rule on the last `days` of history and changes nothing: every message from a person
 * received in the period, read by the live rules' fact reader, matched by the same compiled
 * conditions, its actions planned by the live runners in dry-run mode. Runs inside a read
 * transaction, so one consistent snapshot is read however long it takes.
 */
export function dryRun(db: Db, definition: RuleDefinition, options: DryRunOptions, now: number, deps: DryRunDeps): DryRunResult {
  const start = performance.now();
  const unsupported = UNSUPPORTED[definition.trigger.type];
  const empty: DryRunResult = { days: options.days, scanned: 0, matchedConversations: 0, matchedMessages: 0, sample: [], actionCounts: {}, tookMs: 0 };
  if (unsupported) return { ...empty, unsupported, ...(options.allIds ? { matchedConversationIds: [] } : {}), tookMs: elapsedMs(start) };

  const matches = compileConditions(definition.when);
  const reader = createFactReader(db, deps.scoreSpam);
  const { sql, params } = candidateQuery(definition.when, now - options.days * DAY_MS, now);
  const rule = { ...DRAFT, name: definition.name };
  const conversations = new Set<string>();
  const touched = new Map<RuleAction['type'], Set<string>>();
  const sample: DryRunMatch[] = [];
  let scanned = 0;
  let matchedMessages = 0;

  db.transaction(() => {
    for (const row of db.prepare<(string | number)[], FactRow>(sql).iterate(...params)) {
      scanned++;
      const facts = reader.factsOf(row, row.received_at);
      if (!matches(facts)) continue;
      matchedMessages++;
      conversations.add(row.conversation_id);
      const ctx: RuleActionContext = { db, at: row.received_at, isDryRun: true, rule, conversation: { seq: row.conversation_seq, id: row.conversation_id, accountId: row.account_id }, message: row, facts };
      const actions = deps.planActions(ctx, definition.actions);
      for (const planned of actions) {
        if (planned.outcome !== 'apply') continue;
        const ids = touched.get(planned.action.type) ?? new Set<string>();
        touched.set(planned.action.type, ids.add(row.conversation_id));
      }
      sample.push({ conversationId: row.conversation_id, messageId: String(row.seq), at: row.received_at, author: row.name || row.handle, snippet: row.text.slice(0, SNIPPET_LENGTH), actions });
      // Oldest first: the last `sampleSize` kept are the most recent (trimmed now and then, not per match).
      if (sample.length >= 2 * options.sampleSize + 64) sample.splice(0, sample.length - options.sampleSize);
    }
  })();

  return {
    days: options.days,
    scanned,
    matchedConversations: conversations.size,
    matchedMessages,
    sample: options.sampleSize === 0 ? [] : sample.slice(-options.sampleSize).reverse(),
    ...(options.allIds ? { matchedConversationIds: [...conversations] } : {}),
    actionCounts: Object.fromEntries([...touched].map(([type, ids]) => [type, ids.size])),
    tookMs: elapsedMs(start),
  };
}

/** The actions as written, each to be applied: until the live runners plan them, what the dry run shows. */
export const actionsAsWritten: ActionPlanner = (_ctx, actions) => actions.map((action) => ({ action, outcome: 'apply' }));

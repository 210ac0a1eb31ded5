import type { PlannedAction } from '../../../shared/api/rules';
import type { RuleActionType } from '../../../shared/rules/ruleSchema';
import { prepareConversationLineWriter, type ConversationLine } from '../store/activity';
import type { Db } from '../store/database';
import type { RuleActionContext } from './ruleActionContext';
import { runAction } from './actions/actionRunners';
import { urgentReason } from './actions/urgentAction';
import type { RuleEvent, RuleRunner, RuleRunResult } from './ruleEvents';
import { createFactReader, type FactReader, type SpamScorer } from './ruleFacts';
import { disableRule, recordHits } from './ruleRecords';
import { RunNotes } from './runNotes';
import { RunPriorities } from './runPriorities';
import { RunTagLinks } from './runTagLinks';
import { loadRuleSet, type CompiledRule, type RuleSet } from './ruleSet';
import { conversationTarget, rowTarget, type RuleTarget } from './ruleTargets';

type Change = 'status' | 'tags' | 'assignee';
/** What each action changes, for the conversation-changed rules it may set off. */
const CHANGE_OF: Partial<Record<RuleActionType, Change>> = { addTag: 'tags', removeTag: 'tags', assign: 'assignee', snooze: 'status', markDone: 'status', markSpam: 'status' };
const SENDS: readonly RuleActionType[] = ['reply', 'hide', 'delete'];
/** Actions that read the conversation's history (a reply rule's earlier skips): the lines before them are written first. */
const READS_HISTORY: readonly RuleActionType[] = ['reply'];
/** Actions whose effects no condition reads (priority is no field; notes and notices live apart): the conversation need not be read again after them. */
const LEAVES_FACTS: readonly RuleActionType[] = ['setPriority', 'addNote', 'notify'];

/** A rule threw (its conditions or an action): the run is taken back and replayed without it. */
class RuleFailure extends Error {
  constructor(
    readonly rule: CompiledRule,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The rule engine: runs the enabled rules an event concerns, in order, inside the caller's
 * transaction. The whole run is one savepoint: a rule that throws is turned off with the error,
 * the run's effects are taken back and it runs again without that rule, so the message stays
 * and the other rules go on. (A savepoint per rule and target measured a tenth of ingest with
 * fifty rules; a rule that throws is rare, a replay cheap.) Changes rules make set off the
 * conversation-changed rules once more, never further.
 */
export function createRuleRunner(scoreSpam: SpamScorer, connectors: RuleActionContext['connectors'], act: ActAction = runAction): RuleRunner {
  return (db, event, at) => {
    const rules = loadRuleSet(db, at);
    const failed = new Set<number>();
    for (;;) {
      const run = new RuleRun(db, scoreSpam, rules, at, connectors, act, failed);
      try {
        return db.transaction(() => run.run(event))();
      } catch (error) {
        if (!(error instanceof RuleFailure)) throw error;
        failed.add(error.rule.seq);
        disableRule(db, error.rule, error.message, at);
      }
    }
  };
}

/** How each action is carried out: the runners' registry; the property test checks each live action against its dry run through it. */
export type ActAction = typeof runAction;

class RuleRun {
  private readonly result: RuleRunResult = { changedConversationIds: [], newlyUrgent: [], queuedSends: 0 };
  private readonly changed = new Set<string>();
  private readonly changedSeqs = new Set<number>();
  /** Matches per rule, written once at the end of the run. */
  private readonly hits = new Map<number, number>();
  /** Conversations rules changed, by change, with the rule that changed them (so it never triggers itself). */
  private readonly followUps = new Map<Change, Map<number, number>>();
  private readonly tags: RunTagLinks;
  private readonly priorities: RunPriorities;
  private readonly notes: RunNotes;
  private readonly reader: FactReader;
  /** The run's history lines, written together (`writeHistory`). */
  private readonly lines: ConversationLine[] = [];
  private readonly history = (line: ConversationLine): void => {
    this.lines.push(line);
  };

  constructor(
    private readonly db: Db,
    scoreSpam: SpamScorer,
    private readonly rules: RuleSet,
    private readonly at: number,
    private readonly connectors: RuleActionContext['connectors'],
    private readonly act: ActAction,
    /** Rules that threw in an earlier try of this run: left out. */
    private readonly failed: ReadonlySet<number>,
  ) {
    this.tags = new RunTagLinks(db, at);
    this.priorities = new RunPriorities(db, at);
    this.notes = new RunNotes(db, at);
    this.reader = createFactReader(db, scoreSpam, () => this.tags.flush());
  }

  run(event: RuleEvent): RuleRunResult {
    this.runEvent(event, true);
    this.writeHistory();
    this.tags.flush();
    this.priorities.flush();
    this.notes.flush((note, error) => {
      // Written after its rule ran, a note that fails is still that rule's failure: the run is taken back and replayed without it.
      const rule = note.ruleSeq === undefined || note.ruleSeq === null ? undefined : this.rules.bySeq(note.ruleSeq);
      throw rule ? new RuleFailure(rule, error) : error;
    });
    for (const [ruleSeq, count] of this.hits) recordHits(this.db, ruleSeq, count, this.at);
    this.result.changedConversationIds = [...this.changed];
    return this.result;
  }

  private runEvent(event: RuleEvent, mayFollowUp: boolean): void {
    if (event.type === 'messageArrived') {
      const rules = this.rules.byTrigger('messageArrived');
      if (rules.length === 0) return;
      const fromPeople = event.messages.filter((message) => message.item.direction === 'in');
      const rows = this.reader.rowsOf(fromPeople.map((message) => message.seq));
      for (const message of fromPeople) {
        const row = rows.get(message.seq);
        if (!row) continue;
        if (message.startedConversation === true) this.tags.untagged(message.conversationSeq);
        // Each message's facts made when its turn comes: made for the whole batch up front, they
        // outlived the young generation and swelled the heap (RSS) until a full collection.
        const target = rowTarget(this.reader, row, this.at);
        // Read with the batch: an earlier message's rules may have changed the conversation since.
        if (this.changedSeqs.has(target.conversation.seq)) target.facts.conversationChanged();
        this.runRules(this.rules.forMessage(target.facts), target, null);
      }
    } else {
      const rules = this.rulesFor(event);
      if (rules.length === 0) return;
      const shiftOf = event.type === 'shiftStarts' || event.type === 'shiftEnds' ? event.personId : null;
      for (const seq of event.conversationSeqs) {
        const target = conversationTarget(this.db, this.reader, seq, this.at);
        if (target) this.runRules(rules, target, shiftOf);
      }
    }
    if (mayFollowUp) this.followUp();
  }

  private rulesFor(event: Exclude<RuleEvent, { type: 'messageArrived' }>): readonly CompiledRule[] {
    switch (event.type) {
      case 'conversationChanged':
        return this.rules.byTrigger('conversationChanged').filter((rule) => rule.seq !== event.byRuleSeq && rule.trigger.type === 'conversationChanged' && rule.trigger.changes.includes(event.change));
      case 'due': {
        const rule = this.rules.bySeq(event.ruleSeq);
        return rule && (rule.trigger.type === 'noReply' || rule.trigger.type === 'unassigned') ? [rule] : [];
      }
      case 'shiftStarts':
      case 'shiftEnds':
        return this.rules.byTrigger(event.type).filter((rule) => 'personId' in rule.trigger && (rule.trigger.personId === null || rule.trigger.personId === event.personId));
    }
  }

  /** The rules in order on one target; the conversation's facts are read again (when asked) after a rule changed it. */
  private runRules(rules: readonly CompiledRule[], target: RuleTarget, shiftOf: string | null): void {
    for (const rule of rules) {
      if (this.failed.has(rule.seq) || !inScope(rule, target, shiftOf)) continue;
      const planned = this.runRule(rule, target);
      if (planned === null) continue;
      if (planned.some(({ action, outcome }) => outcome === 'apply' && !LEAVES_FACTS.includes(action.type))) target.facts.conversationChanged();
      if (rule.stopProcessing) return;
    }
  }

  /** One rule on one target: the conditions, then its actions in order. Null when it did not match; a throw is the rule's failure. */
  private runRule(rule: CompiledRule, target: RuleTarget): PlannedAction[] | null {
    let planned: PlannedAction[];
    try {
      if (!rule.predicate(target.facts)) return null;
      const ctx = { db: this.db, at: this.at, isDryRun: false, connectors: this.connectors, rule, conversation: target.conversation, message: target.message, facts: target.message ? target.facts : null, tags: this.tags, priorities: this.priorities, notes: this.notes, history: this.history };
      planned = rule.actions.map((action) => {
        if (READS_HISTORY.includes(action.type)) this.writeHistory();
        return this.act(ctx, action);
      });
    } catch (error) {
      throw new RuleFailure(rule, error);
    }
    this.hits.set(rule.seq, (this.hits.get(rule.seq) ?? 0) + 1);
    this.collect(rule, target, planned);
    return planned;
  }

  private collect(rule: CompiledRule, target: RuleTarget, planned: readonly PlannedAction[]): void {
    for (const { action, outcome } of planned) {
      if (outcome !== 'apply') continue;
      this.changed.add(target.conversation.id);
      this.changedSeqs.add(target.conversation.seq);
      if (action.type === 'markUrgent') this.result.newlyUrgent.push({ conversationId: target.conversation.id, reason: urgentReason(rule.name), messageSeq: target.message?.seq ?? null });
      if (SENDS.includes(action.type)) this.result.queuedSends += 1;
      const change = CHANGE_OF[action.type];
      if (change) this.followUps.set(change, (this.followUps.get(change) ?? new Map<number, number>()).set(target.conversation.seq, rule.seq));
    }
  }

  /**
   * The run's history lines so far, a conversation's together, in the order they were taken.
   * Written one by one between the rules and the other writes, each line cost about twice what
   * it costs here, the activity indexes' pages gone from the processor's caches in between.
   */
  private writeHistory(): void {
    if (this.lines.length === 0) return;
    const write = prepareConversationLineWriter(this.db);
    // A stable sort: a conversation's lines keep their order.
    for (const line of this.lines.sort((a, b) => a.conversationSeq - b.conversationSeq)) write(line);
    this.lines.length = 0;
  }

  /** The conversation-changed rules, once, on what the rules just changed: a rule's change raises at most one more round. */
  private followUp(): void {
    const rounds = [...this.followUps];
    // What the follow-up round changes is never followed up: no loop between rules.
    this.followUps.clear();
    if (this.rules.byTrigger('conversationChanged').length === 0) return;
    for (const [change, byConversation] of rounds) {
      const byRule = new Map<number, number[]>();
      for (const [conversationSeq, ruleSeq] of byConversation) byRule.set(ruleSeq, [...(byRule.get(ruleSeq) ?? []), conversationSeq]);
      for (const [byRuleSeq, conversationSeqs] of byRule) this.runEvent({ type: 'conversationChanged', change, conversationSeqs, byRuleSeq }, false);
    }
  }
}

/** Shift rules look at the conversations of the person whose shift it is, or at the unassigned ones, as the rule says. */
function inScope(rule: CompiledRule, target: RuleTarget, shiftOf: string | null): boolean {
  const { trigger } = rule;
  if (trigger.type !== 'shiftStarts' && trigger.type !== 'shiftEnds') return true;
  return trigger.scope === 'unassigned' ? target.facts.assignee === null : target.facts.assignee === shiftOf;
}

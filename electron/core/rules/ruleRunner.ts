import type { PlannedAction } from '../../../shared/api/rules';
import type { RuleActionType } from '../../../shared/rules/ruleSchema';
import type { Db } from '../store/database';
import { runAction } from './actions/actionRunners';
import { urgentReason } from './actions/urgentAction';
import type { RuleEvent, RuleRunner, RuleRunResult } from './ruleEvents';
import { createFactReader, type FactReader, type SpamScorer } from './ruleFacts';
import { disableRule, recordHit } from './ruleRecords';
import { loadRuleSet, type CompiledRule, type RuleSet } from './ruleSet';
import { conversationTarget, messageTarget, type RuleTarget } from './ruleTargets';

type Change = 'status' | 'tags' | 'assignee';
/** What each action changes, for the conversation-changed rules it may set off. */
const CHANGE_OF: Partial<Record<RuleActionType, Change>> = { addTag: 'tags', removeTag: 'tags', assign: 'assignee', snooze: 'status', markDone: 'status', markSpam: 'status' };
const SENDS: readonly RuleActionType[] = ['reply', 'hide', 'delete'];

/**
 * The rule engine: runs the enabled rules an event concerns, in order, inside the caller's
 * transaction. Each rule's run on one target is a savepoint: a rule that throws takes back only
 * its own effects and is turned off with the error; the message stays and the other rules go on.
 * Changes rules make set off the conversation-changed rules once more, never further.
 */
export function createRuleRunner(scoreSpam: SpamScorer): RuleRunner {
  return (db, event, at) => new RuleRun(db, createFactReader(db, scoreSpam), loadRuleSet(db, at), at).run(event);
}

class RuleRun {
  private readonly result: RuleRunResult = { changedConversationIds: [], newlyUrgent: [], queuedSends: 0 };
  private readonly changed = new Set<string>();
  private readonly disabled = new Set<number>();
  /** Conversations rules changed, by change, with the rule that changed them (so it never triggers itself). */
  private readonly followUps = new Map<Change, Map<number, number>>();
  private readonly savepoint: (work: () => PlannedAction[] | null) => PlannedAction[] | null;

  constructor(
    private readonly db: Db,
    private readonly reader: FactReader,
    private readonly rules: RuleSet,
    private readonly at: number,
  ) {
    this.savepoint = db.transaction((work: () => PlannedAction[] | null) => work());
  }

  run(event: RuleEvent): RuleRunResult {
    this.runEvent(event, true);
    this.result.changedConversationIds = [...this.changed];
    return this.result;
  }

  private runEvent(event: RuleEvent, mayFollowUp: boolean): void {
    if (event.type === 'messageArrived') {
      const rules = this.rules.byTrigger('messageArrived');
      if (rules.length === 0) return;
      for (const message of event.messages) {
        if (message.item.direction !== 'in') continue;
        const target = messageTarget(this.reader, message.seq, this.at);
        if (target) this.runRules(rules, target, () => messageTarget(this.reader, message.seq, this.at), null);
      }
    } else {
      const rules = this.rulesFor(event);
      if (rules.length === 0) return;
      const shiftOf = event.type === 'shiftStarts' || event.type === 'shiftEnds' ? event.personId : null;
      for (const seq of event.conversationSeqs) {
        const target = conversationTarget(this.db, this.reader, seq, this.at);
        if (target) this.runRules(rules, target, () => conversationTarget(this.db, this.reader, seq, this.at), shiftOf);
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

  /** The rules in order on one target; facts are read again after a rule changed the conversation. */
  private runRules(rules: readonly CompiledRule[], first: RuleTarget, reread: () => RuleTarget | null, shiftOf: string | null): void {
    let target: RuleTarget | null = first;
    for (const rule of rules) {
      if (target === null) return;
      if (this.disabled.has(rule.seq) || !inScope(rule, target, shiftOf)) continue;
      const planned = this.runRule(rule, target);
      if (planned === null) continue;
      if (planned.some((action) => action.outcome === 'apply')) target = reread();
      if (rule.stopProcessing) return;
    }
  }

  /** One rule on one target, in its own savepoint: its actions, or null when it did not match (or threw). */
  private runRule(rule: CompiledRule, target: RuleTarget): PlannedAction[] | null {
    let planned: PlannedAction[] | null;
    try {
      planned = this.savepoint(() => {
        if (!rule.predicate(target.facts)) return null;
        const ctx = { db: this.db, at: this.at, isDryRun: false, rule, conversation: target.conversation, message: target.message, facts: target.message ? target.facts : null };
        const actions = rule.actions.map((action) => runAction(ctx, action));
        recordHit(this.db, rule.seq, this.at);
        return actions;
      });
    } catch (error) {
      this.disabled.add(rule.seq);
      disableRule(this.db, rule, error instanceof Error ? error.message : String(error), this.at);
      return null;
    }
    if (planned) this.collect(rule, target, planned);
    return planned;
  }

  private collect(rule: CompiledRule, target: RuleTarget, planned: readonly PlannedAction[]): void {
    for (const { action, outcome } of planned) {
      if (outcome !== 'apply') continue;
      this.changed.add(target.conversation.id);
      if (action.type === 'markUrgent') this.result.newlyUrgent.push({ conversationId: target.conversation.id, reason: urgentReason(rule.name), messageSeq: target.message?.seq ?? null });
      if (SENDS.includes(action.type)) this.result.queuedSends += 1;
      const change = CHANGE_OF[action.type];
      if (change) this.followUps.set(change, (this.followUps.get(change) ?? new Map<number, number>()).set(target.conversation.seq, rule.seq));
    }
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
  return trigger.scope === 'unassigned' ? target.assigneeId === null : target.assigneeId === shiftOf;
}

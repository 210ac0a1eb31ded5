import type { Clock } from '../clock';
import type { Db } from '../store/database';
import type { TriageField } from '../store/triageUndo';
import { runConversationChanged, type ConversationChange } from './conversationChanged';
import type { RuleRunner, RuleRunResult } from './ruleEvents';
import { conversationSeqsOf } from './ruleRunResults';
import { refreshTimers } from './ruleTimers';

/** What follows a person's triage change or its undo; returns the conversations rules changed in turn. */
export type AfterTriage = (field: TriageField, conversationIds: readonly string[]) => string[];

/** The triage fields rules can be triggered by; read and urgent are neither triggers nor part of a wait. */
const TRIGGERING: Partial<Record<TriageField, ConversationChange['change']>> = { status: 'status', tags: 'tags', assignee: 'assignee' };

/**
 * After a person changed status, tags or assignee (the change committed): the rules triggered
 * by that change run on the conversations it really changed, and their waits (no reply,
 * unassigned) are rewritten, in one transaction. Then the scheduler re-arms and the run's
 * escalations and sends go out.
 */
export function createAfterTriage(options: { db: Db; clock: Clock; runRules: RuleRunner; onTimersChanged: () => void; afterRun: (result: RuleRunResult) => void }): AfterTriage {
  const { db, clock, runRules } = options;
  return (field, conversationIds) => {
    const change = TRIGGERING[field];
    if (change === undefined || conversationIds.length === 0) return [];
    const result = db.transaction(() => {
      const conversationSeqs = conversationSeqsOf(db, conversationIds);
      const ran = runConversationChanged(db, runRules, { change, conversationSeqs, byRuleSeq: null }, clock());
      refreshTimers(db, [...conversationSeqs, ...conversationSeqsOf(db, ran.changedConversationIds)]);
      return ran;
    })();
    options.onTimersChanged();
    options.afterRun(result);
    return result.changedConversationIds;
  };
}

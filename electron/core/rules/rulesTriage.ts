import type { Clock } from '../clock';
import type { IngestedMessage, TriageHook } from '../ingest/triageHook';
import type { RuleRunner } from './ruleEvents';

export type NewlyUrgent = { conversationId: string; reason: string; message: IngestedMessage };
export type AfterCommit = { newlyUrgent: NewlyUrgent[]; queuedSends: number };

/**
 * The rules as ingest's triage hook: message rules run inside the batch's transaction, so
 * their effects land with the messages. What must wait for the commit (escalating urgent
 * conversations, waking the outbox for queued sends) is taken once the batch is stored.
 * Ingest never fails because of rules: the engine turns off a rule that throws, and should the
 * engine itself fail, its effects are taken back, the failure reported, and the batch stored.
 */
export function createRulesTriage(clock: Clock, runRules: RuleRunner, onError: (error: unknown) => void): { hook: TriageHook; takeAfterCommit(): AfterCommit } {
  let pending: AfterCommit = { newlyUrgent: [], queuedSends: 0 };
  const hook: TriageHook = (db, messages) => {
    pending = { newlyUrgent: [], queuedSends: 0 };
    try {
      const result = db.transaction(() => runRules(db, { type: 'messageArrived', messages }, clock()))();
      const bySeq = new Map(messages.map((message) => [message.seq, message]));
      pending = {
        newlyUrgent: result.newlyUrgent.flatMap(({ conversationId, reason, messageSeq }) => {
          const message = messageSeq === null ? undefined : bySeq.get(messageSeq);
          return message ? [{ conversationId, reason, message }] : [];
        }),
        queuedSends: result.queuedSends,
      };
      return result.changedConversationIds;
    } catch (error) {
      onError(error);
      return [];
    }
  };
  return {
    hook,
    takeAfterCommit() {
      const taken = pending;
      pending = { newlyUrgent: [], queuedSends: 0 };
      return taken;
    },
  };
}

import type { PlannedAction } from '../../../shared/api/rules';
import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { RuleAction } from '../../../shared/rules/ruleSchema';
import type { ActionRunner } from '../rules/ruleActionContext';
import { prepareConversationLineWriter } from '../store/activity';
import { createFactReader } from '../rules/ruleFacts';
import { RunNotes } from '../rules/runNotes';
import { RunPriorities } from '../rules/runPriorities';
import { RunTagLinks } from '../rules/runTagLinks';
import { useCoreWithAccount } from './coreWithAccount';
import { commentItem } from './itemBuilder';
import { ScriptedConnector } from './scriptedConnector';

/**
 * A fresh core per test with one Facebook account, a rule stored as the engine keeps it, and a
 * way to run one action runner on a stored message, as the engine will (in a transaction,
 * with the message's facts from the one fact reader), live or as a dry run.
 */
export function useRuleActionFixture() {
  const fx = useCoreWithAccount();
  const db = () => fx.core.context.db;
  let n = 0;
  return {
    get core() {
      return fx.core;
    },
    get accountId() {
      return fx.accountId;
    },
    connect(options: Omit<ConstructorParameters<typeof ScriptedConnector>[1], 'now'> = {}): ScriptedConnector {
      const connector = new ScriptedConnector([], { now: () => fx.core.now.value, ...options });
      fx.core.context.connectors.register(fx.accountId, connector);
      return connector;
    },
    /** A rule row (the rule store's part), off so only the test runs its actions, returned as actions see it. */
    addRule(name = 'Accusé de réception') {
      const id = `rule-${name.length}`;
      const definition = JSON.stringify({ trigger: { type: 'messageArrived' }, when: { all: [] }, actions: [{ type: 'markDone' }], stopProcessing: false });
      const { lastInsertRowid } = db()
        .prepare("INSERT INTO rules (id, position, name, is_enabled, built_in, trigger_type, definition, created_at, updated_at) VALUES (?, 0, ?, 0, ?, 'messageArrived', ?, 0, 0)")
        .run(id, name, null, definition);
      return { seq: Number(lastInsertRowid), id, name };
    },
    /** A message from someone, arriving now (the clock moves to it); a DM in `dm-marie` unless told. */
    arrives(overrides: Partial<IncomingItemInput> & { thread?: string } = {}): number {
      n += 1;
      fx.core.now.value += 60_000;
      const item = commentItem({ n, kind: 'dm', post: null, thread: 'dm-marie', createdAt: fx.core.now.value, language: 'fr', ...overrides });
      item.author = overrides.author ?? { externalId: 'marie', handle: '@marie', name: 'Marie-Ève Tremblay' };
      fx.ingest([item]);
      const row = db().prepare<[string], { seq: number }>('SELECT seq FROM messages WHERE external_id = ?').get(item.externalId);
      if (!row) throw new Error(`Message ${item.externalId} was not stored.`);
      return row.seq;
    },
    /** Runs `runner` on this message for `rule`, as the engine would. */
    run<T extends RuleAction['type']>(
      runner: ActionRunner<T>,
      rule: { seq: number; id: string; name: string },
      messageSeq: number,
      action: Extract<RuleAction, { type: T }>,
      options: { isDryRun?: boolean; spamScore?: number } = {},
    ): PlannedAction {
      const reader = createFactReader(db(), () => options.spamScore ?? 0);
      const message = reader.rowOf(messageSeq);
      if (!message) throw new Error(`No message ${messageSeq}.`);
      const at = fx.core.now.value;
      const ctx = {
        db: db(),
        at,
        isDryRun: options.isDryRun ?? false,
        rule,
        conversation: { seq: message.conversation_seq, id: message.conversation_id, accountId: message.account_id },
        message,
        facts: reader.factsOf(message, at),
        connectors: fx.core.context.connectors,
        tags: new RunTagLinks(db(), at),
        priorities: new RunPriorities(db(), at),
        notes: new RunNotes(db(), at),
        history: prepareConversationLineWriter(db()),
      };
      return db().transaction(() => {
        const planned = runner(ctx, action);
        ctx.tags.flush();
        ctx.priorities.flush();
        ctx.notes.flush();
        return planned;
      })();
    },
    conversationOf(thread: string): string {
      return db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
    },
    outboxRows() {
      return db()
        .prepare<[], { state: string; text: string; kind: string; rule_seq: number | null; held_reason: string | null; last_error: string | null; not_before: number; created_at: number }>(
          'SELECT state, text, kind, rule_seq, held_reason, last_error, not_before, created_at FROM outbox ORDER BY seq',
        )
        .all();
    },
    /** The conversation's history from rules and people, oldest first. */
    history(thread: string) {
      return db()
        .prepare<[string], { actor: string; action: string; reason: string | null; rule: string | null }>(
          "SELECT actor, action, data ->> '$.reason' AS reason, data ->> '$.rule' AS rule FROM activity WHERE subject_id = ? ORDER BY rowid",
        )
        .all(this.conversationOf(thread));
    },
  };
}

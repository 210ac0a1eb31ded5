import type { MethodInput } from '../../../shared/api/contract';
import type { ModerationAction } from '../../../shared/domain/moderation';
import { useCoreWithAccount } from './coreWithAccount';
import { commentItem } from './itemBuilder';
import { ScriptedConnector, type ScriptStep } from './scriptedConnector';

/**
 * A fresh core per test with the scripted Facebook platform, and what moderation tests keep
 * asking of it: a comment thread of two messages from others plus our reply (`thread-1`), a
 * single comment (`thread-3`), and a DM (`dm-1`).
 */
export function useModerationFixture() {
  const fixture = useCoreWithAccount();
  const db = () => fixture.core.context.db;
  return {
    get core() {
      return fixture.core;
    },
    get accountId() {
      return fixture.accountId;
    },
    connect(script: ScriptStep[] = [], moderation?: readonly ModerationAction[], undoRefs?: Partial<Record<ModerationAction, string>>): ScriptedConnector {
      const { core, accountId } = fixture;
      const connector = new ScriptedConnector(script, { now: () => core.now.value, ...(moderation ? { moderation } : {}), ...(undoRefs ? { undoRefs } : {}) });
      core.context.connectors.register(accountId, connector);
      fixture.ingest([
        commentItem({ n: 1, thread: 'thread-1' }),
        commentItem({ n: 2, thread: 'thread-1', parentExternalId: 'msg-1' }),
        commentItem({ n: 4, thread: 'thread-1', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' } }),
        commentItem({ n: 3 }),
        { ...commentItem({ n: 5, thread: 'dm-1' }), kind: 'dm', post: null },
      ]);
      return connector;
    },
    conversationId(threadExternalId: string): string {
      const row = db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(threadExternalId);
      if (!row) throw new Error(`No conversation for ${threadExternalId}.`);
      return row.id;
    },
    messageId(externalId: string): string {
      const row = db().prepare<[string], { seq: number }>('SELECT seq FROM messages WHERE external_id = ?').get(externalId);
      if (!row) throw new Error(`No message ${externalId}.`);
      return String(row.seq);
    },
    flags(externalId: string) {
      return db().prepare<[string], { is_hidden: number; is_deleted: number }>('SELECT is_hidden, is_deleted FROM messages WHERE external_id = ?').get(externalId);
    },
    /** The conversation's history lines written by moderation, oldest first. */
    async history(threadExternalId: string) {
      const detail = await fixture.core.call('conversations.get', { id: this.conversationId(threadExternalId) });
      return detail.activity.filter((line) => line.action.startsWith('message.') || line.action.startsWith('contact.'));
    },
    act: (input: MethodInput<'moderation.act'>) => fixture.core.call('moderation.act', input),
    tryAct: (input: MethodInput<'moderation.act'>) => fixture.core.client.call('moderation.act', input),
    /** Moves the clock and lets the outbox send whatever became due. */
    async after(ms: number) {
      fixture.core.now.value += ms;
      await fixture.core.outbox.drain();
    },
  };
}

import { randomUUID } from 'node:crypto';
import { text as readAll } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboxItem, OutboxState } from '../../../shared/api/outbox';
import { CommandFailure } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { t } from '../cliText';
import { expectPositionals, type Command } from './command';

/** States a reply does not leave by itself: sent, or given up on until a person acts. */
const SETTLED: ReadonlySet<OutboxState> = new Set(['sent', 'failed', 'needs_check', 'cancelled']);
const WAIT_POLL_MS = 100;

export const replyCommand: Command = {
  usage: () => `reply CONVERSATION_ID [--privately] [--wait]   (${t('usage.reply')})`,
  options: { wait: { type: 'boolean' }, privately: { type: 'boolean' } },
  async run(session, args) {
    const [conversationId = ''] = expectPositionals(args, ['CONVERSATION_ID'], this.usage());
    const text = (await readAll(process.stdin)).trim();
    if (!text) throw new CommandFailure(t('reply.empty'));
    // Exactly the app's send: the outbox row first, then the worker (after the undo delay).
    const queued = await session.call('outbox.send', { conversationId, text, idempotencyKey: randomUUID(), when: { kind: 'now' }, privately: args.values.privately === true });
    if (!args.values.wait) return { json: queued, text: t(queued.isPrivateReply ? 'reply.queuedPrivate' : 'reply.queued', { id: queued.id, state: queued.state }) };
    const settled = await waitUntilSettled(session, queued);
    if (settled.state !== 'sent') throw new CommandFailure(t('reply.notSent', { state: settled.state, reason: settled.lastError ?? t('reply.noReason') }));
    return { json: settled, text: t(queued.isPrivateReply ? 'reply.sentPrivate' : 'reply.sent', { id: settled.id }) };
  },
};

/** Polls the outbox: the worker's own timers send it, this only watches the row. */
async function waitUntilSettled(session: CliSession, item: OutboxItem): Promise<OutboxItem> {
  for (;;) {
    const [current] = (await session.call('outbox.list', { scope: 'all', conversationId: item.conversationId, limit: 500 })).filter((row) => row.id === item.id);
    if (!current) throw new CommandFailure(t('reply.leftOutbox', { id: item.id }));
    if (SETTLED.has(current.state)) return current;
    await sleep(WAIT_POLL_MS);
  }
}

import type { Message } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';

/**
 * The one path every reply from the composer takes. The durable outbox (a later issue)
 * replaces what is behind it; the key makes a retried send the same reply, never a second one.
 */
export function sendReply(conversationId: string, text: string, idempotencyKey: string = crypto.randomUUID()): Promise<Message> {
  return call('conversations.reply', { id: conversationId, text, idempotencyKey });
}

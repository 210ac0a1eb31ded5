import type { NewMessagesNotice } from '../../../shared/api/events';
import type { IngestedMessage } from '../ingest/triageHook';

const SNIPPET = 140;

/**
 * The one place that decides whether a batch of new messages is worth telling the person
 * about, and what to say: one notice per batch (never one per message), only for messages
 * from people (not the brand's own replies). Offline hours and the hostile-content shield
 * will gate here too, so the shell never has to decide anything.
 */
export function decideNewMessagesNotice(messages: readonly IngestedMessage[]): NewMessagesNotice | null {
  const inbound = messages.filter((message) => message.item.direction === 'in');
  const latest = inbound.reduce<IngestedMessage | undefined>((newest, message) => (!newest || message.item.createdAt >= newest.item.createdAt ? message : newest), undefined);
  if (!latest) return null;
  return {
    count: inbound.length,
    conversationIds: [...new Set(inbound.map((message) => message.conversationId))],
    latest: {
      conversationId: latest.conversationId,
      author: latest.item.author.name || latest.item.author.handle,
      platform: latest.item.platform,
      snippet: latest.item.text.slice(0, SNIPPET),
    },
  };
}

import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import { CHAT_PROXY, type BlueskyClient } from './blueskyClient';
import { dmExternalId, messageViewSchema, type MessageView } from './blueskyDmItems';
import { richTextOf } from './blueskyRichText';

export const DM_MAX_GRAPHEMES = 1000;
const RECENT = 50;

/**
 * Answers a DM with chat.bsky.convo.sendMessage. Chat has no idempotency of its own, so a send
 * first looks for itself among the conversation's latest messages (see findDm): the outbox's
 * second attempt, whatever the connector's window says, never sends the same answer twice.
 */
export async function sendDm(client: BlueskyClient, request: ReplyRequest, signal: AbortSignal): Promise<SentReply> {
  const rich = await richTextOf(client, request.text, signal);
  if (rich.text.trim() === '') throw new ConnectorError('Bluesky: a message needs some text', 'permanent');
  if (rich.graphemes > DM_MAX_GRAPHEMES) throw new ConnectorError(`Bluesky: a direct message is at most ${DM_MAX_GRAPHEMES} characters; this one has ${rich.graphemes}`, 'permanent');
  const already = await findDm(client, request, signal);
  if (already) return already;
  const { data } = await client.call('sending the message', (agent) =>
    agent.chat.bsky.convo.sendMessage({ convoId: request.threadExternalId, message: { text: rich.text, facets: rich.facets } }, { signal, headers: CHAT_PROXY }),
  );
  return sentOf(request.threadExternalId, data);
}

/**
 * This answer, if the conversation already shows it: a message from the brand with the same
 * text, newer than the person's latest message (the one answered). Older identical texts are
 * earlier answers, not this one.
 */
export async function findDm(client: BlueskyClient, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const answer = (await client.query('chat.bsky.convo.getMessages', { convoId: request.threadExternalId, limit: RECENT }, signal, CHAT_PROXY)) as { messages?: unknown } | null;
  const text = request.text.trim();
  for (const raw of Array.isArray(answer?.messages) ? answer.messages : []) {
    const message = messageViewSchema.safeParse(raw);
    if (!message.success) continue;
    if (message.data.sender.did !== client.did) return null;
    if (message.data.text.trim() === text) return sentOf(request.threadExternalId, message.data);
  }
  return null;
}

function sentOf(convoId: string, message: Pick<MessageView, 'id' | 'sentAt'>): SentReply {
  const sentAt = Date.parse(message.sentAt);
  return { externalId: dmExternalId(convoId, message.id), createdAt: Number.isFinite(sentAt) ? sentAt : 0, permalink: null, ref: { convoId, messageId: message.id } };
}

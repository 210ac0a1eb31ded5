import type { Note } from '../../../shared/api/notes';
import type { ConversationDetail, Message } from '../../../shared/domain/entities';

export type ThreadItem = { kind: 'message'; at: number; message: Message } | { kind: 'note'; at: number; note: Note };

/** Messages and notes in one line of time; a note written at a message's instant comes after it. */
export function threadItems(messages: readonly Message[], notes: readonly Note[]): ThreadItem[] {
  const items: ThreadItem[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ];
  // A stable sort keeps each list's own order among equal times, messages first.
  return items.sort((a, b) => a.at - b.at);
}

/**
 * The hand-off note to show on top for me: the latest hand-off to me, until I answer (a reply
 * sent after it) or close it, or the conversation is no longer mine (handed on without a note,
 * which leaves no newer hand-off note: "Julie handed it to you" stayed on top once I gave it back).
 */
export function pendingHandOff(conversation: Pick<ConversationDetail, 'messages' | 'assigneeId'>, notes: readonly Note[], myId: string | null, dismissedIds: readonly string[]): Note | null {
  const latest = notes.filter((note) => note.kind === 'handoff').at(-1);
  if (!latest || myId === null || conversation.assigneeId !== myId || dismissedIds.includes(latest.id)) return null;
  if (!latest.mentions.some((mention) => mention.personId === myId)) return null;
  const isAnswered = conversation.messages.some((message) => message.direction === 'out' && message.createdAt >= latest.createdAt);
  return isAnswered ? null : latest;
}

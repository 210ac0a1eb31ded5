import { z } from 'zod';
import { method } from './method';

const id = z.string().min(1).max(64);
export const NOTE_TEXT_MAX = 2_000;

/**
 * An internal note on a conversation: never sent to the platform. `handoff`: the note that came
 * with handing the conversation to someone, shown on top for them. `rule`: added by a rule.
 */
export const NOTE_KINDS = ['note', 'handoff', 'rule'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export type Note = {
  id: string;
  conversationId: string;
  kind: NoteKind;
  text: string;
  /** Null for a rule's note (`ruleName` says which) or a person who left the team (`authorName` stays). */
  authorId: string | null;
  authorName: string;
  isMine: boolean;
  ruleName: string | null;
  /** Teammates @mentioned in the text, as they were resolved when it was written. */
  mentions: { personId: string; name: string }[];
  createdAt: number;
};

export const notesContract = {
  /** Oldest first; the latest hand-off note is also `conversations.get`'s to show on top. */
  'notes.list': method<Note[]>()(z.strictObject({ conversationId: id })),
  /** `@Name` mentions of teammates are resolved and told to them (held while they are off duty). */
  'notes.add': method<Note>()(z.strictObject({ conversationId: id, text: z.string().trim().min(1).max(NOTE_TEXT_MAX) })),
  /** Only the author's own notes. */
  'notes.delete': method<{ isDeleted: boolean }>()(z.strictObject({ id })),
};

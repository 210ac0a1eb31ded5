import type { Handlers } from '../apiServer';
import type { NoteService } from '../../notes/noteService';

type NotesMethods = Extract<keyof Handlers, `notes.${string}`>;

export function notesHandlers(notes: NoteService): Pick<Handlers, NotesMethods> {
  return {
    'notes.list': ({ conversationId }) => notes.list(conversationId),
    'notes.add': ({ conversationId, text }) => notes.add(conversationId, text),
    'notes.delete': ({ id }) => notes.delete(id),
  };
}

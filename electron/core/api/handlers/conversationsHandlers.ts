import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { conversationCounts, getConversation, listConversations } from '../../store/conversationQueries';
import { assignConversations, markConversationsRead, setConversationStatus, setConversationsUrgent, tagConversations } from '../../store/conversationMutations';
import { recordingTriage, undoTriage, type TriageField } from '../../store/triageUndo';
import { createUndoJournal } from '../../store/undoJournal';
import type { DutyService } from '../../duty/dutyService';
import { escalate } from '../../urgent/escalate';
import type { AfterTriage } from '../../rules/afterTriage';
import type { NoteService } from '../../notes/noteService';
import { deleteNotes } from '../../notes/noteStore';

type ConversationHandlers = Pick<Handlers, `conversations.${string}` & keyof Handlers>;

/** The local person: every change made through the API is theirs until teammates exist. */
const ME = 'me';

/** `afterTriage`: the rules a change triggers and the waits it ends or starts (rules/afterTriage.ts). */
export function conversationsHandlers(ctx: CoreContext, duty: DutyService, afterTriage: AfterTriage, notes: NoteService): ConversationHandlers {
  const changed = (ids: readonly string[]) => ctx.events.emit('inbox.changed', { conversationIds: [...new Set(ids)], everything: false });
  const journal = createUndoJournal();
  /** A triage change, kept in the undo journal (the person's change only: what rules did next is theirs), announced to every window. */
  const triage = <T>(ids: string[], field: TriageField, change: () => T, noteIdsOf: (result: T) => readonly string[] = () => []) => {
    const { result, record } = recordingTriage(ctx.db, ids, field, change);
    const changedByRules = afterTriage(field, record.rows.map((row) => row.id));
    changed([...ids, ...changedByRules]);
    return { result, undoId: journal.keep({ ...record, noteIds: noteIdsOf(result) }) };
  };
  return {
    'conversations.list': (query) => listConversations(ctx.db, query),
    'conversations.get': ({ id }) => getConversation(ctx.db, id),
    'conversations.counts': () => conversationCounts(ctx.db),
    'conversations.setStatus': (change) => {
      const { result, undoId } = triage(change.ids, 'status', () => setConversationStatus(ctx.db, change, ME, ctx.clock()));
      return { updated: result, undoId };
    },
    'conversations.markRead': ({ ids, read }) => {
      const { result, undoId } = triage(ids, 'read', () => markConversationsRead(ctx.db, ids, read, ME, ctx.clock()));
      return { updated: result, undoId };
    },
    'conversations.tag': (change) => {
      const { result, undoId } = triage(change.ids, 'tags', () => tagConversations(ctx.db, change, ME, ctx.clock()));
      return { updated: result, undoId };
    },
    'conversations.assign': (change) => {
      const { ids, assigneeId, note } = change;
      // A hand-off: its note goes on the thread and to the receiver, in the assignment's transaction.
      const assign = () => ({
        updated: assignConversations(ctx.db, change, ME, ctx.clock()),
        noteIds: note && assigneeId !== null ? notes.writeHandOff({ conversationIds: ids, assigneeId, note }) : [],
      });
      const { result, undoId } = triage(ids, 'assignee', assign, ({ noteIds }) => noteIds);
      return { updated: result.updated, undoId };
    },
    'conversations.setUrgent': ({ ids, isUrgent }) => {
      const { result, undoId } = triage(ids, 'urgent', () => setConversationsUrgent(ctx.db, ids, isUrgent, ME, ctx.clock()));
      for (const conversationId of result.newlyUrgent) {
        const conversation = getConversation(ctx.db, conversationId);
        escalate(ctx, duty, { conversationId, reason: 'marked by hand', author: conversation.contact.name || conversation.contact.handle, snippet: conversation.snippet });
      }
      return { updated: result.updated, undoId };
    },
    'conversations.undo': ({ undoId }) => {
      const { field, restoredIds } = journal.undo(undoId, (record) =>
        ctx.db.transaction(() => {
          const restored = undoTriage(ctx.db, record, ME, ctx.clock());
          deleteNotes(ctx.db, record.noteIds ?? []);
          return { field: record.field, restoredIds: restored };
        })(),
      );
      // Putting a status, tags or an assignee back is a change like any other: rules and waits follow it.
      changed([...restoredIds, ...afterTriage(field, restoredIds)]);
      return { restoredIds };
    },
  };
}

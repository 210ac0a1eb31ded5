import type { Note } from '../../../shared/api/notes';
import { ApiFailure } from '../../../shared/api/result';
import { findMentions } from '../../../shared/text/mentions';
import type { CoreContext } from '../coreContext';
import type { DutyService, PersonNow } from '../duty/dutyService';
import { queuePersonNotice } from '../notices/personNotices';
import { deliverAfterFor } from '../notices/noticeTiming';
import { conversationSeqOf, deleteNotes, getNote, insertNote, listNotes } from './noteStore';

/** A notice shows the start of the note, like a new-message notification's snippet. */
const NOTICE_SNIPPET = 140;

/**
 * Internal notes: written by the person at this desktop, with @mentions told to the teammates
 * they name (held until each is on duty). A note is never a message: nothing here touches the
 * outbox. Hand-offs write their note through `writeHandOff`, inside the assignment's transaction.
 */
export class NoteService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly duty: DutyService,
  ) {}

  list(conversationId: string): Note[] {
    return listNotes(this.ctx.db, conversationSeqOf(this.ctx.db, conversationId), this.duty.profile().id);
  }

  add(conversationId: string, text: string): Note {
    const { db } = this.ctx;
    const now = this.ctx.clock();
    const people = this.duty.peopleNow();
    const me = mine(people);
    const spans = findMentions(text, people.map(({ person }) => ({ id: person.id, name: person.name })));
    const mentions = [...new Map(spans.map((span) => [span.personId, { personId: span.personId, name: span.name }])).values()];
    const id = db.transaction(() => {
      const conversationSeq = conversationSeqOf(db, conversationId);
      const noteId = insertNote(db, { conversationSeq, kind: 'note', text, authorId: me.person.id, authorName: me.person.name, mentions }, now);
      for (const { personId } of mentions) {
        const standing = people.find(({ person }) => person.id === personId);
        if (!standing || standing.person.isMe) continue;
        queuePersonNotice(db, { personSeq: standing.person.seq, kind: 'mention', conversationSeq, text: text.slice(0, NOTICE_SNIPPET), data: { noteId, from: me.person.name }, deliverAfter: deliverAfterFor(standing, now) }, now);
      }
      return noteId;
    })();
    this.changed(conversationId);
    return getNote(db, id, me.person.id);
  }

  /** Only the author's own notes: a teammate's note or a rule's stays. */
  delete(id: string): { isDeleted: boolean } {
    const note = getNote(this.ctx.db, id, this.duty.profile().id);
    if (!note.isMine) throw new ApiFailure('conflict', 'Only its author can delete a note.', 'not_author');
    const isDeleted = deleteNotes(this.ctx.db, [id]) > 0;
    this.changed(note.conversationId);
    return { isDeleted };
  }

  /**
   * A hand-off's note on each conversation, and a notice for whoever receives them, inside the
   * caller's transaction. Taking conversations myself is no hand-off: its note stays in the
   * history only. Returns the notes' ids: undoing the hand-off deletes them.
   */
  writeHandOff(change: { conversationIds: readonly string[]; assigneeId: string; note: string }): string[] {
    const { db } = this.ctx;
    const now = this.ctx.clock();
    const people = this.duty.peopleNow();
    const me = mine(people);
    const receiver = people.find(({ person }) => person.id === change.assigneeId);
    if (!receiver || receiver.person.isMe) return [];
    const mentions = [{ personId: receiver.person.id, name: receiver.person.name }];
    return change.conversationIds.map((conversationId) => {
      const conversationSeq = conversationSeqOf(db, conversationId);
      const noteId = insertNote(db, { conversationSeq, kind: 'handoff', text: change.note, authorId: me.person.id, authorName: me.person.name, mentions }, now);
      queuePersonNotice(db, { personSeq: receiver.person.seq, kind: 'handoff', conversationSeq, text: change.note.slice(0, NOTICE_SNIPPET), data: { noteId, from: me.person.name }, deliverAfter: deliverAfterFor(receiver, now) }, now);
      return noteId;
    });
  }

  private changed(conversationId: string): void {
    this.ctx.events.emit('inbox.changed', { conversationIds: [conversationId], everything: false });
  }
}

function mine(people: readonly PersonNow[]): PersonNow {
  const me = people.find(({ person }) => person.isMe);
  if (!me) throw new Error('The person using this desktop is missing.');
  return me;
}

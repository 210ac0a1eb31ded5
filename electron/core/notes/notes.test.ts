import { describe, expect, it } from 'vitest';
import type { PersonNoticeEvent } from '../../../shared/api/events';
import { deliverDueNotices } from '../notices/noticeDelivery';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import type { ScheduleInput } from '../testing/scheduleInput';

const fx = useCoreWithAccount();
const HOUR = 3_600_000;
// T0 is Monday 2026-11-02 14:00 UTC: 09:00 in Toronto.
const week = (ranges: [string, string][]): ScheduleInput => ({
  timeZone: 'America/Toronto',
  weekly: { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] },
});
const afternoons = week([['13:00', '17:00']]);

type NoticeRow = { person_seq: number; kind: string; deliver_after: number; delivered_at: number | null; text: string };
const notices = () => fx.core.context.db.prepare<[], NoticeRow>('SELECT person_seq, kind, deliver_after, delivered_at, text FROM person_notices ORDER BY seq').all();
const seqOf = (id: string) => fx.core.context.db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(id)?.seq;

async function aConversation(): Promise<string> {
  fx.ingest([commentItem({ n: 1 })]);
  const { items } = await fx.core.call('conversations.list', {});
  const id = items[0]?.id;
  if (!id) throw new Error('no conversation');
  return id;
}

const heard = () => {
  const told: PersonNoticeEvent[] = [];
  fx.core.events.subscribe((message) => {
    if (message.name === 'notification.personNotice') told.push(message.payload as PersonNoticeEvent);
  });
  return told;
};

describe('internal notes', () => {
  it('resolves @mentions against the team (spaces, accents, case) and tells each teammate, held until their shift', async () => {
    const conversationId = await aConversation();
    await fx.core.call('me.update', { name: 'Marc' });
    const julie = await fx.core.call('team.add', { name: 'Julie Gagnon', schedule: null });
    const elodie = await fx.core.call('team.add', { name: 'Élodie', schedule: afternoons });
    const note = await fx.core.call('notes.add', { conversationId, text: 'Déjà vu, @julie gagnon? @ELODIE rappelle-le. @Personne' });
    expect(note).toMatchObject({ kind: 'note', authorName: 'Marc', isMine: true, ruleName: null });
    expect(note.mentions).toEqual([{ personId: julie.id, name: 'Julie Gagnon' }, { personId: elodie.id, name: 'Élodie' }]);
    expect(notices()).toEqual([
      { person_seq: seqOf(julie.id), kind: 'mention', deliver_after: T0, delivered_at: null, text: note.text },
      // Élodie starts at 13:00 Toronto, 18:00 UTC: four hours after T0.
      { person_seq: seqOf(elodie.id), kind: 'mention', deliver_after: T0 + 4 * HOUR, delivered_at: null, text: note.text },
    ]);
    expect((await fx.core.call('notes.list', { conversationId })).map((listed) => listed.id)).toEqual([note.id]);
  });

  it('never queues anything to send, and only the author deletes a note (its notices with it)', async () => {
    const conversationId = await aConversation();
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    const note = await fx.core.call('notes.add', { conversationId, text: 'Pour @Ana seulement' });
    const { db } = fx.core.context;
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    db.prepare("UPDATE notes SET author_id = ? WHERE id <> ?").run(ana.id, note.id);
    const theirs = await fx.core.call('notes.add', { conversationId, text: 'encore' });
    db.prepare('UPDATE notes SET author_id = ? WHERE id = ?').run(ana.id, theirs.id);
    const refused = await fx.core.client.call('notes.delete', { id: theirs.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'not_author' } });
    expect(await fx.core.call('notes.delete', { id: note.id })).toEqual({ isDeleted: true });
    expect(notices()).toEqual([]);
    expect((await fx.core.call('notes.list', { conversationId })).map((listed) => listed.isMine)).toEqual([false]);
  });
});

describe('notices for the person at this desktop', () => {
  it('holds them while I am off duty and delivers each once when I am on', async () => {
    const conversationId = await aConversation();
    const [me] = await fx.core.call('team.list', {});
    if (!me) throw new Error('no me');
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    // A hand-off to me from Ana's desktop arrives as a notice on mine.
    fx.core.context.db
      .prepare("INSERT INTO person_notices (person_seq, kind, conversation_seq, text, data, created_at, deliver_after) VALUES (?, 'handoff', 1, 'À toi', ?, ?, ?)")
      .run(seqOf(me.id), JSON.stringify({ from: 'Ana' }), T0, T0);
    fx.core.context.db
      .prepare("INSERT INTO person_notices (person_seq, kind, conversation_seq, text, created_at, deliver_after) VALUES (?, 'mention', 1, 'pour Ana', ?, ?)")
      .run(seqOf(ana.id), T0, T0);
    const told = heard();
    await fx.core.call('duty.override', { kind: 'off' });
    expect(deliverDueNotices(fx.core.context, fx.core.duty)).toBe(0);
    await fx.core.call('duty.override', { kind: 'clear' });
    fx.core.now.value += 1;
    expect(deliverDueNotices(fx.core.context, fx.core.duty)).toBe(1);
    expect(deliverDueNotices(fx.core.context, fx.core.duty)).toBe(0);
    expect(told).toEqual([{ kind: 'handoff', conversationId, from: 'Ana', text: 'À toi' }]);
    expect(notices().map((notice) => notice.delivered_at)).toEqual([T0 + 1, null]);
  });
});

describe('hand-off', () => {
  it('writes the note and the receiver’s notice with the assignment, and undo takes all three back', async () => {
    const conversationId = await aConversation();
    const julie = await fx.core.call('team.add', { name: 'Julie', schedule: null });
    const { undoId } = await fx.core.call('conversations.assign', { ids: [conversationId], assigneeId: julie.id, note: 'Client fâché, remboursement promis' });
    const [handOff] = await fx.core.call('notes.list', { conversationId });
    expect(handOff).toMatchObject({ kind: 'handoff', text: 'Client fâché, remboursement promis', mentions: [{ personId: julie.id, name: 'Julie' }] });
    expect(notices()).toMatchObject([{ person_seq: seqOf(julie.id), kind: 'handoff', deliver_after: T0 }]);
    await fx.core.call('conversations.undo', { undoId });
    expect(await fx.core.call('notes.list', { conversationId })).toEqual([]);
    expect(notices()).toEqual([]);
    expect((await fx.core.call('conversations.get', { id: conversationId })).assigneeId).toBeNull();
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('an assignment without a note, or to myself, writes no hand-off', async () => {
    const conversationId = await aConversation();
    const julie = await fx.core.call('team.add', { name: 'Julie', schedule: null });
    const [me] = await fx.core.call('team.list', {});
    await fx.core.call('conversations.assign', { ids: [conversationId], assigneeId: julie.id });
    await fx.core.call('conversations.assign', { ids: [conversationId], assigneeId: me?.id ?? '', note: 'je le prends' });
    expect(await fx.core.call('notes.list', { conversationId })).toEqual([]);
    expect(notices()).toEqual([]);
  });

  it('a hand-off to someone off duty waits for their next shift', async () => {
    const conversationId = await aConversation();
    const elodie = await fx.core.call('team.add', { name: 'Élodie', schedule: afternoons });
    await fx.core.call('conversations.assign', { ids: [conversationId], assigneeId: elodie.id, note: 'Pour toi' });
    expect(notices()).toMatchObject([{ person_seq: seqOf(elodie.id), kind: 'handoff', deliver_after: T0 + 4 * HOUR }]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { LoggedChange } from '../../hub/changeLog';
import { newId } from '../../ids';
import { insertReply } from '../../outbox/outboxStore';
import { setRota } from '../../team/onCall';
import { removeTemplate, writeTemplate } from '../../templates/templateStore';
import { applyPulled } from './applyPulled';
import { nextOutgoing } from './outgoingQueue';
import { addAccount, addConversation, addPerson, newSyncDesktop, syncedState, type SyncDesktop } from './testing/syncDesktop';

const desktops: SyncDesktop[] = [];
afterEach(() => {
  for (const desktop of desktops.splice(0)) desktop.close();
});

const seqOfPerson = (db: SyncDesktop['db'], id: string) => db.prepare('SELECT seq FROM people WHERE id = ?').pluck().get(id) as number;

/** Everything `from` queued, as the hub would log it, applied on `to`. */
function carry(from: SyncDesktop, to: SyncDesktop, firstSeq: number): number {
  const logged: LoggedChange[] = nextOutgoing(from.db, 100_000).map((change, index) => ({
    ...change,
    seq: firstSeq + index,
    desktopId: from.desktopId,
    authorRole: 'pieuvre_0123456789abcdef',
    receivedAt: 0,
  }));
  from.db.exec('DELETE FROM hub_outgoing');
  applyPulled(to.db, logged, 5);
  expect(to.db.prepare('SELECT reason FROM rejected_items').pluck().all()).toEqual([]);
  return firstSeq + logged.length;
}

describe('every synced table', () => {
  it('reaches a teammate as it is here: accounts, teammates, their time off and the on-call rota, conversations, contacts, messages (searchable, edited), rules, templates, replies', () => {
    const julie = newSyncDesktop();
    const marc = newSyncDesktop();
    desktops.push(julie, marc);
    const { db } = julie;
    const accountId = addAccount(db);
    const conversationId = addConversation(db, accountId, 'thread-1');
    db.prepare(
      `INSERT INTO messages (conversation_seq, account_seq, external_id, direction, contact_seq, author_label, text, created_at, received_at, platform_ref)
       SELECT c.seq, c.account_seq, 'status-1', 'in', c.contact_seq, 'Éloïse', 'Ma commande de croissants n’est jamais arrivée', 20, 20, '{"uri":"x"}'
       FROM conversations c WHERE c.id = ?`,
    ).run(conversationId);
    // Ingest indexes what it inserts itself (one statement per batch): so does this test.
    db.exec("INSERT INTO message_search (rowid, text, author_label) SELECT seq, text, author_label FROM messages WHERE external_id = 'status-1'");
    const alexId = addPerson(db, 'Alex');
    db.prepare(`UPDATE people SET schedule = ?, is_on_call = 1, avatar_url = 'https://exemple.ca/a.png' WHERE id = ?`).run(
      JSON.stringify({ timeZone: 'America/Toronto', weekly: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [] }),
      alexId,
    );
    const addOverride = db.prepare("INSERT INTO duty_overrides (person_seq, kind, starts_at, ends_at, created_at) SELECT seq, ?, ?, ?, 1 FROM people WHERE id = ?");
    addOverride.run('off', 1_000, 5_000, alexId);
    addOverride.run('working', 6_000, 9_000, alexId);
    const me = addPerson(db, 'Julie', { isMe: true });
    setRota(db, { startsOn: '2026-12-07', handover: { weekday: 'mon', time: '09:00' }, timeZone: 'America/Toronto' }, [alexId, me].map((id) => seqOfPerson(db, id)), 1);
    db.prepare("UPDATE accounts SET name = 'Café Lune Montréal', is_paused = 1 WHERE id = ?").run(accountId);
    const ruleId = newId();
    db.prepare("INSERT INTO rules (id, position, name, is_enabled, trigger_type, definition, created_at, updated_at) SELECT ?, 5, 'Remboursements', 1, trigger_type, definition, 1, 1 FROM rules WHERE built_in = 'crisis'").run(ruleId);
    db.prepare("UPDATE rules SET name = 'Remboursements urgents', version = 2, definition = json_set(definition, '$.stopProcessing', json('true')) WHERE id = ?").run(ruleId);
    db.prepare("UPDATE rules SET is_enabled = 0 WHERE built_in = 'spam'").run();
    const templateId = writeTemplate(db, { name: 'Merci', shortcut: 'merci', folder: 'Politesse', tags: ['accueil'], variants: [{ language: 'fr', platform: null, body: 'Merci {{prénom}} !' }, { language: 'en', platform: 'x', body: 'Thanks!' }] }, 1);
    writeTemplate(db, { name: 'Merci beaucoup', shortcut: 'merci', folder: 'Politesse', tags: [], variants: [{ language: 'fr', platform: null, body: 'Merci beaucoup !' }] }, 2, templateId);
    const goneId = writeTemplate(db, { name: 'Vieux', shortcut: 'vieux', folder: '', tags: [], variants: [{ language: 'fr', platform: null, body: 'Bonjour' }] }, 1);
    const reply = insertReply(db, { conversationId, text: 'On vous rembourse aujourd’hui.', idempotencyKey: newId(), notBefore: 1, scheduledFor: null, now: 1 });
    db.prepare("UPDATE outbox SET state = 'sent', sent_external_id = 'status-2', sent_at = 30 WHERE id = ?").run(reply.id);

    let seq = carry(julie, marc, 1);
    expect(syncedState(marc.db)).toEqual(syncedState(db));
    expect(marc.db.prepare("SELECT count(*) AS n FROM message_search WHERE message_search MATCH 'croissants'").get()).toEqual({ n: 1 });
    expect(marc.db.prepare('SELECT message_count, last_inbound_at FROM conversations WHERE id = ?').get(conversationId)).toEqual({ message_count: 1, last_inbound_at: 20 });

    removeTemplate(db, goneId);
    setRota(db, { startsOn: '2026-12-14', handover: { weekday: 'fri', time: '17:00' }, timeZone: 'America/Toronto' }, [me].map((id) => seqOfPerson(db, id)), 2);
    db.prepare("UPDATE messages SET text = 'Ma commande de chocolatines est arrivée', edited_at = 40, is_hidden = 1 WHERE external_id = 'status-1'").run();
    db.prepare("UPDATE contacts SET is_vip = 1, muted_at = 50").run();
    db.prepare("UPDATE duty_overrides SET ends_at = 3000 WHERE kind = 'off'").run();
    db.prepare("DELETE FROM duty_overrides WHERE kind = 'working'").run();
    db.prepare('DELETE FROM rules WHERE id = ?').run(ruleId);
    seq = carry(julie, marc, seq);
    expect(syncedState(marc.db)).toEqual(syncedState(db));
    expect(marc.db.prepare("SELECT count(*) AS n FROM message_search WHERE message_search MATCH 'chocolatines'").get()).toEqual({ n: 1 });
    expect(syncedState(marc.db).onCallRota).toEqual([expect.objectContaining({ handover_weekday: 'fri', people: [me] })]);
    expect(syncedState(marc.db).dutyOverrides).toEqual([{ person_id: alexId, kind: 'off', starts_at: 1_000, ends_at: 3_000 }]);
    expect(seq).toBeGreaterThan(20);
  });
});

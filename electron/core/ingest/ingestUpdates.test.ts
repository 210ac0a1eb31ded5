import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageUpdateInput } from '../../../shared/domain/incomingItem';
import { HOSTILE_THRESHOLD } from '../../../shared/domain/entities';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { openDatabase, type Db } from '../store/database';
import { createIngest } from './ingest';

let db: Db;
let accountId: string;
let events: string[][];
let ingest: ReturnType<typeof createIngest>;
const now = T0 + 3_600_000;

beforeEach(() => {
  db = openDatabase(':memory:');
  accountId = addAccount(db);
  events = [];
  ingest = createIngest(db, { clock: () => now, onChanged: (ids) => events.push([...ids]) });
  ingest({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'a', text: 'Votre café est tiède' }), commentItem({ n: 2, thread: 'a', text: 'Et le croissant aussi' })] });
  events = [];
});

const update = (...updates: MessageUpdateInput[]) => ingest({ accountId, source: 'poll:facebook', items: [], updates });
const message = (externalId: string) =>
  db.prepare<[string], Record<string, unknown>>('SELECT text, edited_at, deleted_at, is_deleted, is_hidden, attachments, hostility FROM messages WHERE external_id = ?').get(externalId);
const conversationA = () => db.prepare<[], { id: string; snippet: string; snippet_hostility: number }>("SELECT id, snippet, snippet_hostility FROM conversations WHERE thread_external_id = 'a'").get();
const search = (match: string) =>
  db.prepare<[string], { external_id: string }>('SELECT m.external_id FROM message_search s JOIN messages m ON m.seq = s.rowid WHERE message_search MATCH ?').pluck().all(match);
const edited = (externalId: string, text: string, editedAt: number, extra: Partial<MessageUpdateInput> = {}): MessageUpdateInput =>
  ({ change: 'edited', platform: 'facebook', externalId, text, editedAt, ...extra }) as MessageUpdateInput;

describe('ingest: updates to stored messages', () => {
  it('applies an edit: new text found by search and the old no longer, the edit time, attachments, and one change event', () => {
    const image = { kind: 'image', url: 'https://cdn.example/tasse.jpg', alt: 'Une tasse vide' } as const;
    const result = update(edited('msg-1', 'Votre café est parfait', T0 + 600_000, { attachments: [image] }));
    expect(result).toMatchObject({ inserted: 0, updated: 1, ignored: 0, rejected: 0, changedConversationIds: [conversationA()?.id] });
    expect(message('msg-1')).toMatchObject({ text: 'Votre café est parfait', edited_at: T0 + 600_000, attachments: JSON.stringify([image]) });
    expect(search('parfait')).toEqual(['msg-1']);
    expect(search('tiede')).toEqual([]);
    expect(search('cafe')).toEqual(['msg-1']);
    expect(events).toEqual([[conversationA()?.id]]);
  });

  it('keeps attachments an edit does not mention, and clears them when it gives none', () => {
    const link = { kind: 'link', url: 'https://brulerie.example/menu', alt: 'Le menu' } as const;
    update(edited('msg-1', 'Voir le menu', T0 + 600_000, { attachments: [link] }));
    update(edited('msg-1', 'Voir le menu!', T0 + 700_000));
    expect(message('msg-1')).toMatchObject({ attachments: JSON.stringify([link]) });
    update(edited('msg-1', 'Plus de menu', T0 + 800_000, { attachments: [] }));
    expect(message('msg-1')).toMatchObject({ attachments: null });
  });

  it('moves the snippet with an edit of the last message only, and scores the new text', () => {
    update(edited('msg-1', 'Premier message corrigé', T0 + 600_000));
    expect(conversationA()).toMatchObject({ snippet: 'Et le croissant aussi', snippet_hostility: 0 });
    update(edited('msg-2', 'Vous êtes des voleurs, gang de caves!!!', T0 + 600_000));
    expect(conversationA()?.snippet).toBe('Vous êtes des voleurs, gang de caves!!!');
    expect(conversationA()?.snippet_hostility).toBeGreaterThanOrEqual(HOSTILE_THRESHOLD);
    expect(message('msg-2')?.hostility).toBeGreaterThanOrEqual(HOSTILE_THRESHOLD);
  });

  it('ignores an edit no newer than the stored one (a replay, or pages out of order)', () => {
    update(edited('msg-1', 'Version deux', T0 + 700_000));
    events = [];
    expect(update(edited('msg-1', 'Version une', T0 + 600_000), edited('msg-1', 'Version deux', T0 + 700_000))).toMatchObject({ updated: 0, ignored: 2, changedConversationIds: [] });
    expect(message('msg-1')?.text).toBe('Version deux');
    expect(events).toEqual([]);
  });

  it('marks a deletion on the platform and keeps the text; a second one changes nothing', () => {
    expect(update({ change: 'deleted', platform: 'facebook', externalId: 'msg-1', deletedAt: T0 + 900_000 })).toMatchObject({ updated: 1 });
    expect(message('msg-1')).toMatchObject({ is_deleted: 1, deleted_at: T0 + 900_000, text: 'Votre café est tiède' });
    expect(search('tiede')).toEqual(['msg-1']);
    expect(update({ change: 'deleted', platform: 'facebook', externalId: 'msg-1', deletedAt: T0 + 999_000 })).toMatchObject({ updated: 0, ignored: 1 });
    expect(message('msg-1')?.deleted_at).toBe(T0 + 900_000);
  });

  it('hides and unhides, counting only real changes', () => {
    const hidden = (isHidden: boolean): MessageUpdateInput => ({ change: 'hidden', platform: 'facebook', externalId: 'msg-2', isHidden });
    expect(update(hidden(true))).toMatchObject({ updated: 1, ignored: 0 });
    expect(message('msg-2')?.is_hidden).toBe(1);
    expect(update(hidden(true))).toMatchObject({ updated: 0, ignored: 1 });
    expect(update(hidden(false))).toMatchObject({ updated: 1 });
    expect(message('msg-2')?.is_hidden).toBe(0);
  });

  it('ignores an update for a message never stored (older than the backfill)', () => {
    expect(update({ change: 'deleted', platform: 'facebook', externalId: 'msg-404', deletedAt: T0 })).toMatchObject({ updated: 0, ignored: 1, rejected: 0, changedConversationIds: [] });
    expect(events).toEqual([]);
  });

  it('quarantines a malformed update and one from another platform with their reasons; the rest of the batch lands', () => {
    const noTime = { change: 'deleted', platform: 'facebook', externalId: 'msg-1' };
    const otherPlatform = { change: 'hidden', platform: 'bluesky', externalId: 'msg-1', isHidden: true };
    const result = ingest({ accountId, source: 'poll:facebook', items: [commentItem({ n: 3, thread: 'a' })], updates: [noTime, otherPlatform, { change: 'renamed' }, edited('msg-3', 'Même lot', T0 + 800_000)] });
    expect(result).toMatchObject({ inserted: 1, rejected: 3, updated: 1 });
    const rejected = db.prepare<[], { payload: string; reason: string }>('SELECT payload, reason FROM rejected_items ORDER BY rowid').all();
    expect(rejected.map((row) => row.reason)).toEqual([
      expect.stringMatching(/^deletedAt: /),
      'platform: the update is from bluesky but the account is on facebook',
      expect.stringMatching(/^change: /),
    ]);
    expect(JSON.parse(rejected[0]?.payload ?? 'null')).toEqual(noTime);
    expect(message('msg-1')).toMatchObject({ is_deleted: 0, is_hidden: 0 });
    // The update about an item of the same batch found it: items are stored first.
    expect(message('msg-3')?.text).toBe('Même lot');
  });

  it('applies an item sent again with a newer edit time as an edit (Mastodon re-sends edited statuses), and a plain resend as a duplicate', () => {
    const resent = commentItem({ n: 1, thread: 'a', text: 'Votre café est chaud', editedAt: T0 + 500_000 });
    expect(ingest({ accountId, source: 'test', items: [resent] })).toMatchObject({ inserted: 0, duplicates: 0, updated: 1 });
    expect(message('msg-1')).toMatchObject({ text: 'Votre café est chaud', edited_at: T0 + 500_000 });
    expect(search('chaud')).toEqual(['msg-1']);
    expect(ingest({ accountId, source: 'test', items: [resent, commentItem({ n: 2, thread: 'a' })] })).toMatchObject({ duplicates: 2, updated: 0, ignored: 0 });
    expect(db.prepare('SELECT message_count FROM conversations').pluck().get()).toBe(2);
  });
});

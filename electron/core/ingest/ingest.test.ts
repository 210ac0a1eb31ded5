import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { openDatabase, type Db } from '../store/database';
import { createIngest, UnknownAccountError } from './ingest';

let db: Db;
let accountId: string;
let events: string[][];
let ingest: ReturnType<typeof createIngest>;
let now: number;

beforeEach(() => {
  db = openDatabase(':memory:');
  accountId = addAccount(db);
  events = [];
  now = T0 + 3_600_000;
  ingest = createIngest(db, { clock: () => now, onChanged: (ids) => events.push([...ids]) });
});

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const conversation = (thread: string) =>
  db.prepare('SELECT * FROM conversations WHERE thread_external_id = ?').get(thread) as Record<string, unknown>;
const search = (match: string) =>
  db.prepare<[string], { text: string }>('SELECT m.text FROM message_search s JOIN messages m ON m.seq = s.rowid WHERE message_search MATCH ?').all(match).map((row) => row.text);

describe('ingest', () => {
  it('stores a thread as one conversation with its contact, post, counters and snippet', () => {
    const result = ingest({
      accountId,
      source: 'test',
      items: [
        commentItem({ n: 1, thread: 'a' }),
        commentItem({ n: 2, thread: 'a', kind: 'reply', parentExternalId: 'msg-1', text: 'Me too!' }),
      ],
    });
    expect(result).toMatchObject({ inserted: 2, duplicates: 0, rejected: 0 });
    expect(conversation('a')).toMatchObject({ kind: 'comment', status: 'open', unread_count: 2, message_count: 2, last_message_at: T0 + 120_000, snippet: 'Me too!' });
    expect(count('posts')).toBe(1);
    expect(count('contacts')).toBe(2);
  });

  it('writes a batch’s new conversations together, each message linked to its own, their texts as stored one by one', () => {
    // A snippet cut inside an emoji (a lone surrogate) and a thread id in quotes and other scripts: the batch goes through JSON.
    const cut = `${'é'.repeat(159)}😀 après`;
    const threads = ['t-"1"', 'fil-ß-日本', 't\\3', 'emoji'];
    ingest({ accountId, source: 'test', items: threads.map((thread, n) => commentItem({ n, thread, text: thread === 'emoji' ? cut : `Bonjour ${n}` })) });
    const rows = db.prepare<[], { seq: number; thread_external_id: string; snippet: string }>('SELECT seq, thread_external_id, snippet FROM conversations ORDER BY seq').all();
    expect(rows.map((row) => row.thread_external_id).sort()).toEqual([...threads].sort());
    expect(conversation('emoji')?.snippet).toBe(`${'é'.repeat(159)}\uFFFD`);
    const links = db.prepare<[], { thread: string; text: string }>('SELECT c.thread_external_id AS thread, m.text FROM messages m JOIN conversations c ON c.seq = m.conversation_seq').all();
    expect(links.map(({ thread, text }) => [thread, text]).sort()).toEqual(threads.map((thread, n) => [thread, thread === 'emoji' ? cut : `Bonjour ${n}`]).sort());
  });

  it('ignores duplicates on (account, external id) and replays a batch without changing anything', () => {
    const items = [1, 2, 3].map((n) => commentItem({ n, thread: 'a' }));
    ingest({ accountId, source: 'test', items });
    const snapshot = JSON.stringify(db.prepare('SELECT * FROM conversations').all()) + JSON.stringify(db.prepare('SELECT * FROM messages').all());
    now += 60_000;
    const replay = ingest({ accountId, source: 'test', items: [...items, items[0]] });
    expect(replay).toMatchObject({ inserted: 0, duplicates: 4, rejected: 0, changedConversationIds: [] });
    expect(JSON.stringify(db.prepare('SELECT * FROM conversations').all()) + JSON.stringify(db.prepare('SELECT * FROM messages').all())).toBe(snapshot);
    expect(events).toHaveLength(1);
  });

  it('keeps the same external id apart on two accounts', () => {
    const other = addAccount(db, 'facebook', 'page-2');
    ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    ingest({ accountId: other, source: 'test', items: [commentItem({ n: 1 })] });
    expect(count('messages')).toBe(2);
  });

  it('reopens a done or snoozed conversation when a new inbound message arrives, and records it', () => {
    ingest({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' })] });
    db.prepare("UPDATE conversations SET status = 'done' WHERE thread_external_id = 'a'").run();
    db.prepare("UPDATE conversations SET status = 'snoozed', snooze_until = ? WHERE thread_external_id = 'b'").run(T0 + 1e9);
    ingest({ accountId, source: 'test', items: [commentItem({ n: 3, thread: 'a' }), commentItem({ n: 4, thread: 'b' })] });
    expect(conversation('a')).toMatchObject({ status: 'open' });
    expect(conversation('b')).toMatchObject({ status: 'open', snooze_until: null });
    expect(count("activity WHERE action = 'conversation.reopened'")).toBe(2);
  });

  it("does not reopen a conversation for the brand's own outbound message, nor count it unread", () => {
    ingest({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'a' })] });
    db.prepare("UPDATE conversations SET status = 'done', unread_count = 0").run();
    ingest({ accountId, source: 'test', items: [commentItem({ n: 2, thread: 'a', kind: 'reply', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' } })] });
    expect(conversation('a')).toMatchObject({ status: 'done', unread_count: 0, message_count: 2 });
  });

  it('makes the first person who wrote in the contact, even when the brand wrote first', () => {
    const brand = { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' };
    ingest({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'dm', kind: 'dm', post: null, direction: 'out', author: brand })] });
    expect(conversation('dm')).toMatchObject({ unread_count: 0, message_count: 1, last_inbound_at: null });
    ingest({ accountId, source: 'test', items: [commentItem({ n: 2, thread: 'dm', kind: 'dm', post: null })] });
    expect(conversation('dm')).toMatchObject({ unread_count: 1, message_count: 2, last_inbound_at: T0 + 120_000 });
    const contact = db.prepare("SELECT ct.external_id FROM conversations c JOIN contacts ct ON ct.seq = c.contact_seq WHERE thread_external_id = 'dm'").get();
    expect(contact).toEqual({ external_id: 'author-2' });
  });

  it('quarantines bad items with their payload and a reason naming the field; the rest of the batch lands', () => {
    const noHandle = { ...commentItem({ n: 2 }), author: { externalId: 'x', name: 'No handle' } };
    const wrongPlatform = commentItem({ n: 3, platform: 'x' });
    const noPost = commentItem({ n: 4, post: null });
    const result = ingest({ accountId, source: 'poll:facebook', items: [commentItem({ n: 1 }), noHandle, wrongPlatform, noPost, 'garbage'] });
    expect(result).toMatchObject({ inserted: 1, rejected: 4 });
    const rejected = db.prepare<[], { payload: string; reason: string; source: string }>('SELECT payload, reason, source FROM rejected_items ORDER BY rowid').all();
    expect(rejected.map((row) => row.reason)).toEqual([
      expect.stringMatching(/^author\.handle: /),
      'platform: the item is from x but the account is on facebook',
      'post: a comment needs the post it belongs to',
      expect.stringMatching(/^item: /),
    ]);
    expect(JSON.parse(rejected[0]?.payload ?? 'null')).toEqual(noHandle);
    expect(rejected.every((row) => row.source === 'poll:facebook')).toBe(true);
  });

  it('keeps at most 4 KB of a rejected payload, with the size and SHA-256 of all of it', () => {
    const huge = { ...commentItem({ n: 1 }), platform: 'x', text: 'z'.repeat(10_000_000) };
    expect(ingest({ accountId, source: 'poll:facebook', items: [huge] })).toMatchObject({ rejected: 1 });
    const full = JSON.stringify(huge);
    const row = db.prepare<[], { payload: string; payload_size: number; payload_sha256: string }>('SELECT payload, payload_size, payload_sha256 FROM rejected_items').get();
    expect(row).toEqual({ payload: full.slice(0, 4096), payload_size: Buffer.byteLength(full), payload_sha256: createHash('sha256').update(full).digest('hex') });
  });

  it('refuses a batch for an account that does not exist, storing nothing', () => {
    expect(() => ingest({ accountId: 'nope', source: 'test', items: [commentItem({ n: 1 })] })).toThrow(UnknownAccountError);
    expect(count('messages')).toBe(0);
  });

  it('indexes text and author for search, ignoring accents and case', () => {
    ingest({
      accountId,
      source: 'test',
      items: [
        commentItem({ n: 1, text: "J'attends encore une réponse de votre part" }),
        commentItem({ n: 2, text: "L'école de mon fils adore votre café" }),
        commentItem({ n: 3, text: 'Nothing to see here', author: { externalId: 'z', handle: '@zoé', name: 'Zoé Tremblay' } }),
      ],
    });
    expect(search('reponse')).toEqual(["J'attends encore une réponse de votre part"]);
    expect(search('ECOLE')).toEqual(["L'école de mon fils adore votre café"]);
    expect(search('zoe')).toEqual(['Nothing to see here']);
    expect(search('author_label: tremblay')).toEqual(['Nothing to see here']);
  });

  it('emits one coalesced change event per batch naming every changed conversation', () => {
    ingest({ accountId, source: 'test', items: [1, 2, 3, 4].map((n) => commentItem({ n, thread: `t${n % 2}` })) });
    expect(events).toHaveLength(1);
    expect(events[0]?.sort()).toEqual((db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as string[]).sort());
  });

  it('runs the triage hook inside the batch transaction; what it changes joins the change event', () => {
    ingest({ accountId, source: 'test', items: [commentItem({ n: 9, thread: 'elsewhere' })] });
    const elsewhere = String(conversation('elsewhere').id);
    const seen: string[] = [];
    const changes: string[][] = [];
    const withTriage = createIngest(db, {
      clock: () => now,
      onChanged: (ids) => changes.push([...ids]),
      triage: (tx, messages) => {
        seen.push(...messages.map((message) => message.item.externalId));
        tx.prepare('UPDATE conversations SET priority = 2 WHERE seq = ?').run(messages[0]?.conversationSeq);
        return [elsewhere];
      },
    });
    const result = withTriage({ accountId, source: 'test', items: [commentItem({ n: 1 }), commentItem({ n: 1 })] });
    expect(seen).toEqual(['msg-1']);
    expect(conversation('thread-1')).toMatchObject({ priority: 2 });
    expect(result.changedConversationIds).toEqual([conversation('thread-1').id, elsewhere]);
    expect(changes).toEqual([result.changedConversationIds]);
  });

  it('tells triage which messages are in a conversation the batch started', () => {
    const seen: [string, boolean | undefined][] = [];
    const withTriage = createIngest(db, {
      clock: () => now,
      triage: (_tx, messages) => {
        seen.push(...messages.map((message): [string, boolean | undefined] => [message.item.externalId, message.startedConversation]));
        return [];
      },
    });
    withTriage({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'a', kind: 'reply', parentExternalId: 'msg-1' })] });
    withTriage({ accountId, source: 'test', items: [commentItem({ n: 3, thread: 'a', kind: 'reply', parentExternalId: 'msg-1' }), commentItem({ n: 4, thread: 'b' })] });
    expect(seen).toEqual([
      ['msg-1', true],
      ['msg-2', true],
      ['msg-3', false],
      ['msg-4', true],
    ]);
  });

  it('keeps a contact up to date when their name, handle or follower count changes', () => {
    ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    now += 60_000;
    ingest({ accountId, source: 'test', items: [commentItem({ n: 8, author: { externalId: 'author-1', handle: '@fan_one', name: 'Fanny Un', followerCount: 12 } })] });
    const contacts = db.prepare("SELECT handle, name, follower_count, first_seen_at, updated_at FROM contacts WHERE external_id = 'author-1'").all();
    expect(contacts).toEqual([{ handle: '@fan_one', name: 'Fanny Un', follower_count: 12, first_seen_at: now - 60_000, updated_at: now }]);
    // Search keeps what each message was written under: old name on the old message, new on the new.
    expect(search('fan1')).toEqual(['Message number 1']);
    expect(search('fanny')).toEqual(['Message number 8']);
  });

  it('keeps conversation_counts equal to a real count through ingest and status changes', () => {
    ingest({ accountId, source: 'test', items: Array.from({ length: 40 }, (_, n) => commentItem({ n, thread: `t${n % 9}`, kind: n % 3 === 0 ? 'dm' : 'comment', post: n % 3 === 0 ? null : undefined })) });
    db.prepare("UPDATE conversations SET status = 'done' WHERE thread_external_id IN ('t1', 't2')").run();
    db.prepare("UPDATE conversations SET unread_count = 0 WHERE thread_external_id IN ('t2', 't3')").run();
    const real = db.prepare('SELECT kind, status, unread_count > 0 AS is_unread, count(*) AS n FROM conversations GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
    const kept = db.prepare('SELECT kind, status, is_unread, n FROM conversation_counts WHERE n > 0 ORDER BY 1, 2, 3').all();
    expect(kept).toEqual(real);
  });
});

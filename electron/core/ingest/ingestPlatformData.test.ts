import { beforeEach, describe, expect, it } from 'vitest';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { openDatabase, type Db } from '../store/database';
import { createIngest } from './ingest';

let db: Db;
let ingest: ReturnType<typeof createIngest>;

beforeEach(() => {
  db = openDatabase(':memory:');
  ingest = createIngest(db, { clock: () => T0 });
});

const stored = (externalId: string) =>
  db.prepare<[string], { platform_ref: string | null; attachments: string | null; edited_at: number | null }>('SELECT platform_ref, attachments, edited_at FROM messages WHERE external_id = ?').get(externalId);

describe('ingest: what real platforms carry', () => {
  it('stores the platform reference, attachments and edit time; NULL when an item has none', () => {
    const accountId = addAccount(db, 'bluesky', 'did:plc:brand');
    const ref = { uri: 'at://did:plc:fan/app.bsky.feed.post/3k', cid: 'bafy1', root: { uri: 'at://did:plc:brand/app.bsky.feed.post/1', cid: 'bafy0' } };
    const attachments = [
      { kind: 'image', url: 'https://cdn.example/img/1.jpg', alt: 'Un latte' },
      { kind: 'link', url: 'https://brulerie.example/', alt: null },
    ] as const;
    const mention = { platform: 'bluesky', kind: 'mention', post: null } as const;
    const result = ingest({
      accountId,
      source: 'test',
      items: [commentItem({ n: 1, ...mention, ref, attachments: [...attachments], editedAt: T0 + 5_000 }), commentItem({ n: 2, ...mention })],
    });
    expect(result).toMatchObject({ inserted: 2, rejected: 0 });
    expect(JSON.parse(stored('msg-1')?.platform_ref ?? 'null')).toEqual(ref);
    expect(JSON.parse(stored('msg-1')?.attachments ?? 'null')).toEqual(attachments);
    expect(stored('msg-1')?.edited_at).toBe(T0 + 5_000);
    expect(stored('msg-2')).toEqual({ platform_ref: null, attachments: null, edited_at: null });
  });

  it('keys contacts by the id global on the platform: equal local ids on two instances are two people, one person seen from two accounts is one', () => {
    const first = addAccount(db, 'mastodon', 'https://one.example/users/brand');
    const second = addAccount(db, 'mastodon', 'https://two.example/users/brand');
    // Both instances number their accounts from 1: the connector keeps that local id in the reference only.
    const author = (uri: string, handle: string) => ({ externalId: uri, handle, name: handle });
    const mention = (n: number, uri: string, handle: string) =>
      commentItem({ n, platform: 'mastodon', kind: 'mention', post: null, author: author(uri, handle), ref: { statusId: String(n), accountId: '42' } });
    ingest({ accountId: first, source: 'test', items: [mention(1, 'https://one.example/users/alex', '@alex@one.example'), mention(2, 'https://two.example/users/alex', '@alex@two.example')] });
    ingest({ accountId: second, source: 'test', items: [mention(3, 'https://one.example/users/alex', '@alex@one.example')] });
    const contacts = db.prepare('SELECT external_id FROM contacts ORDER BY external_id').pluck().all();
    expect(contacts).toEqual(['https://one.example/users/alex', 'https://two.example/users/alex']);
    const authorOf = db.prepare<[], { external_id: string; contact: string }>('SELECT m.external_id, ct.external_id AS contact FROM messages m JOIN contacts ct ON ct.seq = m.contact_seq ORDER BY m.external_id').all();
    expect(authorOf).toEqual([
      { external_id: 'msg-1', contact: 'https://one.example/users/alex' },
      { external_id: 'msg-2', contact: 'https://two.example/users/alex' },
      { external_id: 'msg-3', contact: 'https://one.example/users/alex' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createMessageKeyAllocator, keyTime } from './messageKey';

describe('message keys', () => {
  it('sort by creation time and never collide, even many in one millisecond', () => {
    const db = openDatabase(':memory:');
    const allocate = createMessageKeyAllocator(db);
    const times = [5_000, 1_000, 1_000, 3_000, 1_000];
    const keys = times.map(allocate);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.map(keyTime)).toEqual(times);
    expect([...keys].sort((a, b) => a - b).map(keyTime)).toEqual([1_000, 1_000, 1_000, 3_000, 5_000]);
  });

  it('continue after keys already stored for the same millisecond', () => {
    const db = openDatabase(':memory:');
    const first = createMessageKeyAllocator(db)(42);
    db.exec("INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a', 'x', 'a', 'a', 'a', 0, 0)");
    db.exec("INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES ('c', 'x', 'c', 'c', 'c', 0, 0)");
    db.exec("INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at) VALUES ('v', 1, 'x', 'dm', 't', 1, 0, 0, 0)");
    db.prepare("INSERT INTO messages (seq, conversation_seq, account_seq, external_id, direction, contact_seq, author_label, text, created_at, received_at) VALUES (?, 1, 1, 'm', 'in', 1, '', '', 42, 0)").run(first);
    expect(createMessageKeyAllocator(db)(42)).toBe(first + 1);
  });

  it('spill into the next millisecond when one is full, staying unique and exact', () => {
    const db = openDatabase(':memory:');
    const allocate = createMessageKeyAllocator(db);
    const keys = Array.from({ length: 2048 + 3 }, () => allocate(7));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(Number.isSafeInteger)).toBe(true);
    expect(keyTime(keys.at(-1) ?? 0)).toBe(8);
    expect(keyTime(allocate(2 ** 42 - 1))).toBe(2 ** 42 - 1);
  });
});

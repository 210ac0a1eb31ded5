import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('migration 13 (rejected payload limit)', () => {
  it('cuts existing payloads to 4 KB, keeping the size and SHA-256 of the whole, and adds the retention setting', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 12));
    // 'é' is two bytes in UTF-8: the 4 KB cut falls inside one, and must not split it.
    const big = `a${'é'.repeat(1_000_000)}`;
    const insert = db.prepare("INSERT INTO rejected_items (id, account_id, source, payload, reason, rejected_at) VALUES (?, NULL, 'poll:x', ?, 'bad', 0)");
    insert.run('big', big);
    insert.run('small', '{"id":1}');
    expect(migrate(db, MIGRATIONS.slice(0, 13))).toBe(13);
    const rows = db.prepare<[], { id: string; payload: string; payload_size: number; payload_sha256: string }>(
      'SELECT id, payload, payload_size, payload_sha256 FROM rejected_items ORDER BY id',
    ).all();
    expect(rows[0]).toEqual({ id: 'big', payload: `a${'é'.repeat(2047)}`, payload_size: 2_000_001, payload_sha256: sha256(big) });
    expect(Buffer.byteLength(rows[0]!.payload)).toBe(4095);
    expect(rows[1]).toEqual({ id: 'small', payload: '{"id":1}', payload_size: 8, payload_sha256: sha256('{"id":1}') });
    expect(db.prepare('SELECT rejected_retention_days FROM data_settings').all()).toEqual([{ rejected_retention_days: 30 }]);
    expect(() => db.exec('UPDATE data_settings SET rejected_retention_days = 0')).toThrow(/CHECK constraint/);
    expect(() => db.exec('INSERT INTO data_settings (id, rejected_retention_days) VALUES (2, 30)')).toThrow(/CHECK constraint/);
  });
});

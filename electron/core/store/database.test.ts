import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from './database';
import { MIGRATIONS } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pieuvre-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('openDatabase', () => {
  it('creates a database at the latest schema with WAL, NORMAL sync and foreign keys on', () => {
    const db = openDatabase(join(dir, 'pieuvre.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopens its own database without migrating it again', () => {
    const path = join(dir, 'pieuvre.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database from a newer Pieuvre and leaves the file untouched', () => {
    const path = join(dir, 'pieuvre.db');
    const future = new Database(path);
    future.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.close();
    const before = digest(path);
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(
      `newer version of Pieuvre (schema ${MIGRATIONS.length + 5}; this version knows up to ${MIGRATIONS.length})`,
    );
    expect(digest(path)).toBe(before);
  });

  it('refuses a file that is not SQLite and never overwrites it', () => {
    const path = join(dir, 'pieuvre.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    const before = digest(path);
    expect(() => openDatabase(path)).toThrow(/is not a Pieuvre database \(it is not a SQLite file\)/);
    expect(digest(path)).toBe(before);
  });

  it('refuses a damaged database and never overwrites it', () => {
    const path = join(dir, 'pieuvre.db');
    const db = openDatabase(path);
    db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)').run('t', 'x'.repeat(3000), 0);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const { rootpage } = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'tags'").get() ?? { rootpage: 0 };
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over one table's root page: the schema still reads, the table does not.
    const bytes = readFileSync(path);
    bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
    writeFileSync(path, bytes);
    const before = digest(path);
    expect(() => openDatabase(path)).toThrow(/is damaged \(SQLite quick_check: /);
    expect(digest(path)).toBe(before);
  });

  it('refuses a database whose schema itself is unreadable, and never overwrites it', () => {
    const path = join(dir, 'pieuvre.db');
    openDatabase(path).close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 100);
    writeFileSync(path, bytes);
    const before = digest(path);
    expect(() => openDatabase(path)).toThrow(/could not be read as a Pieuvre database \(.+\)\. It was left untouched\./);
    expect(digest(path)).toBe(before);
  });
});

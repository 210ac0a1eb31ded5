import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { damageTagsTable } from '../testing/damageDatabase';
import { DatabaseOpenError, openDatabase, openDatabaseWithStatus } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { PIEUVRE_APPLICATION_ID } from './recogniseFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pieuvre-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A database as an earlier Pieuvre left it: its schema at `version`, application_id still 0. */
function legacyPieuvreFile(path: string, version = MIGRATIONS.length): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, version));
  db.exec("INSERT INTO tags (id, name, created_at) VALUES ('t', 'vip', 0)");
  db.close();
}

function expectRefusedUntouched(path: string, message: RegExp): void {
  const before = digest(path);
  expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
  expect(() => openDatabase(path)).toThrow(message);
  expect(digest(path)).toBe(before);
}

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
    future.pragma(`application_id = ${PIEUVRE_APPLICATION_ID}`);
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

  it('leaves the integrity check of its own up-to-date database to the background, and writes nothing on open', () => {
    const path = join(dir, 'pieuvre.db');
    expect(openDatabaseWithStatus(path).isChecked).toBe(true);
    openDatabase(path).close();
    damageTagsTable(path);
    const before = digest(path);
    const { db, isChecked } = openDatabaseWithStatus(path);
    db.close();
    expect(isChecked).toBe(false);
    expect(digest(path)).toBe(before);
  });

  it('checks a database before upgrading it, and refuses a damaged one untouched', () => {
    const path = join(dir, 'pieuvre.db');
    legacyPieuvreFile(path, MIGRATIONS.length - 1);
    damageTagsTable(path);
    expectRefusedUntouched(path, /is damaged \(SQLite quick_check: .+\)\. It was left untouched\./);
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

  it('stamps a new database with Pieuvre\'s application_id', () => {
    const db = openDatabase(join(dir, 'pieuvre.db'));
    expect(db.pragma('application_id', { simple: true })).toBe(PIEUVRE_APPLICATION_ID);
    db.close();
  });

  it('recognises a database from before the application_id by its tables, upgrades and stamps it', () => {
    const path = join(dir, 'pieuvre.db');
    legacyPieuvreFile(path, 3);
    const { db, isChecked } = openDatabaseWithStatus(path);
    expect(isChecked).toBe(true);
    expect(db.pragma('application_id', { simple: true })).toBe(PIEUVRE_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name FROM tags').all()).toEqual([{ name: 'vip' }]);
    db.close();
  });

  it('takes an empty SQLite file as a new database', () => {
    const path = join(dir, 'pieuvre.db');
    new Database(path).exec('VACUUM');
    const db = openDatabase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(PIEUVRE_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("refuses another application's SQLite database untouched, whatever its user_version", () => {
    for (const version of [0, 3, MIGRATIONS.length]) {
      const path = join(dir, `other-${version}.db`);
      const other = new Database(path);
      other.pragma('application_id = 1234');
      other.pragma(`user_version = ${version}`);
      other.exec("CREATE TABLE tags (id TEXT, name TEXT, created_at INTEGER); INSERT INTO tags VALUES ('t', 'theirs', 0)");
      other.close();
      expectRefusedUntouched(path, /is not a Pieuvre database \(it belongs to another application: application_id 0x4d2\)\. It was left untouched\./);
    }
  });

  it('refuses a SQLite file with no application_id whose tables are not Pieuvre\'s, untouched', () => {
    for (const version of [0, 1, MIGRATIONS.length - 1]) {
      const path = join(dir, `unknown-${version}.db`);
      const other = new Database(path);
      other.pragma(`user_version = ${version}`);
      other.exec("CREATE TABLE accounts (id TEXT); INSERT INTO accounts VALUES ('mine')");
      other.close();
      expectRefusedUntouched(path, /is not a Pieuvre database \(its tables are not Pieuvre's\)\. It was left untouched\./);
    }
  });
});

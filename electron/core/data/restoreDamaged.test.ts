import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client';
import type { BackupInfo } from '../../../shared/api/data';
import { inProcessTransport } from '../api/inProcessTransport';
import { createCore, DATABASE_FILE, type Core } from '../core';
import { damageTagsTable } from '../testing/damageDatabase';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';

let dataDir: string;
let core: Core;

const dbPath = () => join(dataDir, DATABASE_FILE);
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const client = () => createApiClient(inProcessTransport(core.server, core.events));
const messageIds = (db: Database.Database) => db.prepare<[], string>('SELECT external_id FROM messages ORDER BY external_id').pluck().all();

/**
 * An earlier run made a backup holding 12 messages, then wrote 5 more; the file has since been
 * damaged on disk. The core reopened on it finds the damage in the background.
 */
async function damagedAfterBackup(): Promise<{ backup: BackupInfo; atBackup: string[]; damagedDigest: string }> {
  core = createCore({ dataDir, clock: () => T0 });
  const accountId = addAccount(core.context.db);
  const ingest = (from: number, count: number) =>
    core.context.ingest({ accountId, source: 'test', items: Array.from({ length: count }, (_, i) => commentItem({ n: from + i })) });
  ingest(1, 12);
  if (!core.data) throw new Error('A core on a data folder has a data service.');
  const backup = await core.data.backupNow();
  const atBackup = messageIds(core.context.db);
  ingest(100, 5);
  core.close();
  damageTagsTable(dbPath());
  const damagedDigest = digest(dbPath());
  core = createCore({ dataDir, clock: () => T0 + 60_000 });
  expect(await core.health.whenWritable()).toBe(false);
  expect(core.health.status().state).toBe('damaged');
  return { backup, atBackup, damagedDigest };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-damaged-'));
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('restoring a backup over a damaged database', () => {
  it('lists the backups, restores one, keeps the damaged file aside byte for byte, and writes work again', async () => {
    const { backup, atBackup, damagedDigest } = await damagedAfterBackup();

    const listed = await client().call('data.backups.list', {});
    expect(listed).toMatchObject({ ok: true, value: { backups: [{ name: backup.name, kind: 'manual' }] } });
    const result = await client().call('data.restore', { name: backup.name });

    const keptAs = join(dataDir, 'backups', 'pieuvre-damaged-2026-11-02-140100-000.db');
    expect(result).toEqual({ ok: true, value: { restoredFrom: join(dataDir, 'backups', backup.name), safetyBackup: null, damagedKeptAs: keptAs } });
    expect(digest(keptAs)).toBe(damagedDigest);
    expect(messageIds(core.context.db)).toEqual(atBackup);
    expect(core.health.status().state).toBe('ok');
    expect(await client().call('views.save', { name: 'Soir', filter: {} })).toMatchObject({ ok: true, value: { name: 'Soir' } });
    // The damaged copy cannot be restored: it is not offered as a backup.
    expect(readdirSync(join(dataDir, 'backups'))).toContain('pieuvre-damaged-2026-11-02-140100-000.db');
    const names = await client().call('data.backups.list', {});
    expect(names.ok && names.value.backups.map((listedBackup) => listedBackup.name)).toEqual([backup.name]);
  });

  it('puts the damaged file back, still refusing writes, when the backup will not open', async () => {
    const { backup, damagedDigest } = await damagedAfterBackup();
    // A Pieuvre database that passes the checks but that migration 13 cannot bring up to date.
    const broken = new Database(join(dataDir, 'backups', backup.name));
    broken.exec('DROP TABLE data_settings');
    broken.pragma('user_version = 12');
    broken.close();

    const result = await client().call('data.restore', { name: backup.name });

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('the data is back as it was') } });
    expect(await core.health.whenWritable()).toBe(false);
    expect(core.health.status().state).toBe('damaged');
    expect(digest(dbPath())).toBe(damagedDigest);
    expect(existsSync(join(dataDir, 'backups', 'pieuvre-damaged-2026-11-02-140100-000.db'))).toBe(true);
  });
});

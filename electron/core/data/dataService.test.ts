import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../shared/api/client';
import type { ApiEvents } from '../../../shared/api/events';
import { inProcessTransport } from '../api/inProcessTransport';
import { createCore, type Core } from '../core';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { PIEUVRE_APPLICATION_ID } from '../store/recogniseFile';
import { MIGRATIONS } from '../store/migrations';

let dataDir: string;
let core: Core;
let now: number;
let accountId: string;

const DAY_MS = 86_400_000;
const WORK_TABLES = ['accounts', 'contacts', 'posts', 'conversations', 'messages', 'rejected_items', 'notes', 'tags'];

const open = () => {
  core = createCore({ dataDir, clock: () => now, onInternalError: (error) => { throw error; } });
  return core;
};
const data = () => {
  if (!core.data) throw new Error('A core on a data folder has a data service.');
  return core.data;
};
/** The backup taken at start runs on its own, once the file is known good; tests wait for it before starting theirs. */
const idle = async () => {
  await core.health.whenWritable();
  await vi.waitFor(() => expect(data().isBusy).toBe(false));
};
const client = () => createApiClient(inProcessTransport(core.server, core.events));
const rowsOf = (db: Database.Database) => Object.fromEntries(WORK_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
const ingest = (from: number, count: number, source = 'test') =>
  core.context.ingest({ accountId, source, items: Array.from({ length: count }, (_, i) => commentItem({ n: from + i, thread: `t-${(from + i) % 13}` })) });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-data-'));
  now = T0;
  open();
  accountId = addAccount(core.context.db);
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('backups', () => {
  it('restores a backup from the list: the same rows as when it was taken, the current data backed up first, every window told', async () => {
    ingest(1, 40);
    core.context.ingest({ accountId, source: 'poll:facebook', items: [{ broken: true }] });
    // A reply waiting at backup time, sent after it: restored, it must not go blindly a second time.
    const queueReply = core.context.db.prepare(
      "INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, state, attempts, not_before, created_at, updated_at) VALUES ('r1', 'k1', 'reply', 1, 'Merci!', 'queued', 0, ?, 0, 0)",
    );
    queueReply.run(T0 + DAY_MS);
    await idle();
    const backup = await data().backupNow();
    core.context.db.exec("UPDATE outbox SET state = 'sent' WHERE id = 'r1'");
    const atBackup = rowsOf(core.context.db);
    ingest(100, 25);
    core.context.db.prepare("UPDATE conversations SET status = 'done'").run();
    const restored: ApiEvents['data.restored'][] = [];
    const names: string[] = [];
    core.events.subscribe((message) => {
      names.push(message.name);
      if (message.name === 'data.restored') restored.push(message.payload as ApiEvents['data.restored']);
    });

    const result = await client().call('data.restore', { name: backup.name });

    expect(result.ok).toBe(true);
    expect(rowsOf(core.context.db)).toEqual(atBackup);
    expect(restored).toEqual([{ restoredFrom: join(dataDir, 'backups', backup.name) }]);
    // What does not reload (the shell's unread badge) refetches everything.
    expect(names).toEqual(expect.arrayContaining(['data.restored', 'inbox.changed', 'duty.changed']));
    // The data replaced is kept, whole: 65 messages, all done.
    const safety = data().list().backups.find((candidate) => candidate.kind === 'before-restore');
    const before = new Database(join(dataDir, 'backups', safety?.name ?? 'missing'), { readonly: true });
    expect(before.prepare("SELECT count(*) AS n, sum(status = 'done') AS done FROM conversations").get()).toEqual({ n: 13, done: 13 });
    expect(before.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 65 });
    before.close();
    expect(core.context.db.prepare('SELECT state, may_have_reached FROM outbox').all()).toEqual([{ state: 'queued', may_have_reached: 1 }]);
    // The core goes on on the restored file: ingest and the API work.
    expect(ingest(200, 1)).toMatchObject({ inserted: 1 });
    expect((await client().call('accounts.list', {})).ok).toBe(true);
  });
});

describe('restore that fails half-way', () => {
  it('puts the data back as it was when the restored file will not open', async () => {
    ingest(1, 10);
    await idle();
    const backup = await data().backupNow();
    // A Pieuvre database that passes the checks but that migration 13 cannot bring up to date.
    const broken = new Database(join(dataDir, 'backups', backup.name));
    broken.exec('DROP TABLE data_settings');
    broken.pragma('user_version = 12');
    broken.close();
    ingest(100, 5);
    const before = rowsOf(core.context.db);

    const result = await client().call('data.restore', { name: backup.name });

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('the data is back as it was') } });
    expect(rowsOf(core.context.db)).toEqual(before);
    expect(ingest(200, 1)).toMatchObject({ inserted: 1 });
  });
});

describe('restore refusals', () => {
  it('refuses a file that is not a Pieuvre database, one from a newer Pieuvre, or a name not in the folder, and changes nothing', async () => {
    ingest(1, 10);
    await idle();
    const foreign = join(dataDir, 'notes.txt');
    writeFileSync(foreign, 'not a database at all');
    const otherSqlite = join(dataDir, 'other.sqlite');
    new Database(otherSqlite).exec('CREATE TABLE songs (title TEXT)');
    const newer = join(dataDir, 'newer.db');
    const newerDb = new Database(newer);
    newerDb.pragma(`application_id = ${PIEUVRE_APPLICATION_ID}`);
    newerDb.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newerDb.close();

    const codeOf = async (input: { name: string } | { path: string }) => {
      const result = await client().call('data.restore', input);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await codeOf({ path: foreign })).toBe('invalid_input');
    expect(await codeOf({ path: otherSqlite })).toBe('invalid_input');
    expect(await codeOf({ path: newer })).toBe('conflict');
    expect(await codeOf({ name: 'pieuvre-2020-01-01-000000-000-manual.db' })).toBe('not_found');
    expect(await codeOf({ name: '../pieuvre.db' })).toBe('invalid_input');
    expect(await codeOf({ path: 'relative/file.db' })).toBe('invalid_input');

    expect(core.context.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 10 });
    expect(data().list().backups.filter((backup) => backup.kind !== 'auto')).toEqual([]);
  });
});

describe('daily backups', () => {
  it('backs up on start when the newest automatic backup is a day old, keeps the last 7, and never deletes one made by hand', async () => {
    await idle();
    await data().backupNow();
    for (let day = 1; day <= 9; day += 1) {
      core.close();
      now = T0 + day * DAY_MS;
      open();
      await idle();
    }
    // Back again the same day: nothing is due.
    core.close();
    now += 3_600_000;
    open();
    await idle();
    const backups = data().list().backups;
    expect(backups.filter((backup) => backup.kind === 'manual')).toHaveLength(1);
    expect(backups.filter((backup) => backup.kind === 'auto').map((backup) => backup.createdAt)).toEqual(
      [9, 8, 7, 6, 5, 4, 3].map((day) => T0 + day * DAY_MS),
    );
  });

  it('makes "Back up now" during the daily backup wait its turn, and keeps both, owner-only in an owner-only folder', async () => {
    expect(data().isBusy).toBe(true);
    const manual = await data().backupNow();
    expect(data().list().backups.map((backup) => backup.kind).sort()).toEqual(['auto', 'manual']);
    expect(manual.kind).toBe('manual');
    const folder = join(dataDir, 'backups');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder).map((name) => statSync(join(folder, name)).mode & 0o777)).toEqual([0o600, 0o600]);
  });
});

describe('export', () => {
  it('writes every table of the person’s work as JSON Lines, owner-only, without derived tables or any token', async () => {
    ingest(1, 30);
    core.context.db.exec("ALTER TABLE accounts ADD COLUMN access_token TEXT; UPDATE accounts SET access_token = 'do-not-leak-42'");
    await idle();
    const progress: ApiEvents['data.progress'][] = [];
    core.events.subscribe((message) => void (message.name === 'data.progress' && progress.push(message.payload as ApiEvents['data.progress'])));

    const result = await data().export();

    expect(result.path.startsWith(join(dataDir, 'exports', 'pieuvre-export-'))).toBe(true);
    expect(statSync(result.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'exports')).mode & 0o777).toBe(0o700);
    const text = readFileSync(result.path, 'utf8');
    expect(text).not.toContain('do-not-leak-42');
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { table: string } & Record<string, unknown>);
    expect(lines).toHaveLength(result.rows);
    const byTable = (table: string) => lines.filter((line) => line.table === table);
    expect(byTable('messages').map((line) => line.text)).toEqual(Array.from({ length: 30 }, (_, i) => `Message number ${i + 1}`));
    expect(byTable('accounts')).toEqual([expect.objectContaining({ id: accountId, name: 'Brûlerie Test' })]);
    expect(byTable('accounts')[0]).not.toHaveProperty('access_token');
    expect(lines.some((line) => /^(message_search|conversation_counts)/.test(line.table))).toBe(false);
    expect(progress.at(-1)).toEqual({ task: 'export', done: result.rows, total: result.rows });
    expect(existsSync(`${result.path}.partial`)).toBe(false);
  });

  it('exports what a platform gave each message: its reference, attachments, and when it was edited and deleted there', async () => {
    const ref = { statusId: '1099', visibility: 'public' };
    const image = { kind: 'image', url: 'https://cdn.example/latte.jpg', alt: 'Un latte' } as const;
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1, ref, attachments: [image], editedAt: T0 + 1_000 })] });
    core.context.ingest({ accountId, source: 'test', items: [], updates: [{ change: 'deleted', platform: 'facebook', externalId: 'msg-1', deletedAt: T0 + 2_000 }] });
    await idle();
    const lines = readFileSync((await data().export()).path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const message = lines.find((line) => line.table === 'messages');
    expect(message).toMatchObject({ external_id: 'msg-1', edited_at: T0 + 1_000, deleted_at: T0 + 2_000, is_deleted: 1 });
    expect(JSON.parse(String(message?.platform_ref))).toEqual(ref);
    expect(JSON.parse(String(message?.attachments))).toEqual([image]);
  });
});

describe('rejected items', () => {
  it('lists them per account with the reason, size and first bytes, and prunes those past the keep at start and on a new setting', async () => {
    core.context.ingest({ accountId, source: 'poll:facebook', items: [{ id: 'x'.repeat(10_000) }] });
    const list = async (query: { accountId?: string } = {}) => {
      const result = await client().call('rejected.list', query);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const [item] = await list({ accountId });
    expect(item).toMatchObject({
      account: { id: accountId, name: 'Brûlerie Test', platform: 'facebook' },
      source: 'poll:facebook',
      reason: expect.stringMatching(/^platform: /),
      rejectedAt: T0,
      payloadSize: 10_009,
      isTruncated: true,
    });
    expect(item?.payloadHead).toBe(`{"id":"${'x'.repeat(4089)}`);
    expect(await list({ accountId: 'another' })).toEqual([]);

    // 31 days on, the item is past the 30-day keep: the next start prunes it.
    core.close();
    now = T0 + 20 * DAY_MS;
    open();
    await idle();
    expect(await list()).toHaveLength(1);
    core.close();
    now = T0 + 31 * DAY_MS;
    open();
    await idle();
    expect(await list()).toEqual([]);

    core.context.ingest({ accountId, source: 'poll:facebook', items: ['garbage'] });
    now += 5 * DAY_MS;
    expect(await client().call('data.setSettings', { rejectedRetentionDays: 10 })).toEqual({ ok: true, value: { rejectedRetentionDays: 10 } });
    expect(await list()).toHaveLength(1);
    expect((await client().call('data.setSettings', { rejectedRetentionDays: 4 })).ok).toBe(true);
    expect(await list()).toEqual([]);
    expect(await client().call('data.settings', {})).toEqual({ ok: true, value: { rejectedRetentionDays: 4 } });
  });
});

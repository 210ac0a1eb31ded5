import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import type { DatabaseStatus } from '../../../shared/api/database';
import { inProcessTransport } from '../api/inProcessTransport';
import { createCore, DATABASE_FILE, type Core } from '../core';
import { damageTagsTable } from '../testing/damageDatabase';

let dataDir: string;
let opened: Core[];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-health-'));
  opened = [];
});
afterEach(() => {
  opened.forEach((core) => core.close());
  rmSync(dataDir, { recursive: true, force: true });
});

const dbPath = () => join(dataDir, DATABASE_FILE);
const digest = () => createHash('sha256').update(readFileSync(dbPath())).digest('hex');

function openCore(): { core: Core; client: ApiClient; verdict: Promise<DatabaseStatus> } {
  const core = createCore({ dataDir });
  opened.push(core);
  const client = createApiClient(inProcessTransport(core.server, core.events));
  const verdict = new Promise<DatabaseStatus>((resolve) => client.on('database.status', resolve));
  return { core, client, verdict };
}

/** A database this Pieuvre made, closed: the next start checks it in the background. */
function existingDatabase(): void {
  const { core } = openCore();
  core.close();
  opened = [];
}

describe('the background integrity check', () => {
  it('knows a database it just created is sound: nothing to check', async () => {
    const { client } = openCore();
    expect(await client.call('database.status', {})).toEqual({ ok: true, value: { state: 'ok', dataDir, problems: [] } });
  });

  it('answers reads while it checks, holds a change until the check passes, then makes it', async () => {
    existingDatabase();
    const { client, verdict } = openCore();
    const saving = client.call('views.save', { name: 'Soir', filter: {} });
    const counts = await client.call('conversations.counts', {});
    expect(counts.ok).toBe(true);
    expect(await client.call('database.status', {})).toEqual({ ok: true, value: { state: 'checking', dataDir, problems: [] } });
    expect(await verdict).toEqual({ state: 'ok', dataDir, problems: [] });
    expect(await saving).toMatchObject({ ok: true, value: { name: 'Soir' } });
    expect(await client.call('views.list', {})).toMatchObject({ ok: true, value: [{ name: 'Soir' }] });
  });

  it('finds a damaged file, says so, refuses every change and never writes to it', async () => {
    existingDatabase();
    damageTagsTable(dbPath());
    const before = digest();
    const { core, client, verdict } = openCore();
    const saving = client.call('views.save', { name: 'Soir', filter: {} });
    const status = await verdict;
    expect(status).toMatchObject({ state: 'damaged', dataDir });
    expect(status.problems.length).toBeGreaterThan(0);
    expect(await client.call('database.status', {})).toEqual({ ok: true, value: status });
    const refusal = { ok: false, error: { code: 'unavailable', message: expect.stringContaining('views.save: The database is damaged, so Pieuvre stopped saving changes to it.') } };
    expect(await saving).toEqual(refusal);
    expect(await client.call('views.save', { name: 'Soir', filter: {} })).toEqual(refusal);
    expect(await core.health.whenWritable()).toBe(false);
    core.close();
    opened = [];
    expect(digest()).toBe(before);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, throwingCall } from '../../../shared/api/client';
import { inProcessTransport } from '../api/inProcessTransport';
import { createCore, type Core } from '../core';
import { addAccount, commentItem } from '../testing/itemBuilder';
import type { ScheduleInput } from '../testing/scheduleInput';
import { ScriptedConnector } from '../testing/scriptedConnector';

const nineToFive: ScheduleInput = {
  timeZone: 'America/Toronto',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
};
// Friday 23:10 in Toronto: off duty until Monday 09:00.
const FRIDAY_NIGHT = Date.parse('2026-11-06T23:10:00-05:00');
const MONDAY_NINE = Date.parse('2026-11-09T09:00:00-05:00');

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function openCore(dataDir: string, clock: { value: number }) {
  const core = createCore({ dataDir, clock: () => clock.value, onInternalError: (error) => { throw error; } });
  const client = createApiClient(inProcessTransport(core.server, core.events));
  const call = throwingCall(client);
  return { core, call };
}

function connect(core: Core, clock: { value: number }) {
  const connector = new ScriptedConnector([], { now: () => clock.value });
  const accountId = addAccount(core.context.db);
  core.context.connectors.register(accountId, connector);
  return { connector, accountId };
}

describe('scheduled send', () => {
  it('written off duty, a reply waits for the next working time, across a restart, and goes out then', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-scheduled-'));
    dirs.push(dataDir);
    const clock = { value: FRIDAY_NIGHT };
    const first = openCore(dataDir, clock);
    const { connector: firstConnector, accountId } = connect(first.core, clock);
    await first.call('duty.setSchedule', { schedule: nineToFive });
    first.core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1, createdAt: FRIDAY_NIGHT - 60_000 })] });
    const [conversation] = (await first.call('conversations.list', {})).items;
    const queued = await first.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Bonjour! On vous revient lundi.', idempotencyKey: 'late-night-1', when: { kind: 'nextWorkingTime' } });
    expect(queued).toMatchObject({ state: 'queued', scheduledFor: MONDAY_NINE, notBefore: MONDAY_NINE });
    clock.value += 3_600_000;
    await first.core.outbox.drain();
    expect(firstConnector.posted).toEqual([]);
    first.core.close();

    clock.value = MONDAY_NINE - 1;
    const second = openCore(dataDir, clock);
    // connect() writes to the database directly, not through the API: after the reopened file's integrity check.
    await second.core.health.whenWritable();
    const { connector } = connect(second.core, clock);
    expect(await second.call('outbox.list', { scope: 'pending' })).toMatchObject([{ id: queued.id, state: 'queued', scheduledFor: MONDAY_NINE }]);
    await second.core.outbox.drain();
    expect(connector.posted).toEqual([]);
    clock.value = MONDAY_NINE;
    await second.core.outbox.drain();
    expect(connector.posted.map((request) => request.text)).toEqual(['Bonjour! On vous revient lundi.']);
    expect(await second.call('outbox.list', { scope: 'all' })).toMatchObject([{ id: queued.id, state: 'sent', sentAt: MONDAY_NINE }]);
    second.core.close();
  });
});

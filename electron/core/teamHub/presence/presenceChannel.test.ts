import { describe, expect, it } from 'vitest';
import type { ConversationPresence } from '../../../../shared/api/hub';
import { systemClock } from '../../clock';
import type { HubMember } from '../../hub/hubInputs';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import { newTestHub, type TestHub } from '../../hub/testing/testHub';
import { memoryLog } from '../../testing/memoryLog';
import { PresenceChannel, type PresenceTiming } from './presenceChannel';
import { presenceChannelOf } from './presenceNotice';

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

const FAST: PresenceTiming = { heartbeatMs: 100, forgetAfterMs: 400 };

type Desktop = { name: string; member: HubMember; channel: PresenceChannel; seen: ConversationPresence[][] };

/** A workspace on a fresh hub; each name a teammate whose desktop has its presence channel open. */
async function team(names: string[], timing = FAST) {
  const hub = await newTestHub(postgres.cluster);
  cleanups.push(() => hub.close());
  const workspaceId = await hub.newWorkspace();
  const logged = memoryLog();
  const desktops: Desktop[] = [];
  for (const name of names) {
    const member = await hub.newMember(workspaceId, { name });
    const seen: ConversationPresence[][] = [];
    const channel = await PresenceChannel.open({ member, me: { role: member.role, name }, clock: systemClock, timing, log: logged.log, onChange: (list) => seen.push(list) });
    cleanups.push(() => channel.close());
    desktops.push({ name, member, channel, seen });
  }
  return { hub, workspaceId, desktops, lines: logged.lines };
}

/** Waits (up to 5 s) for `read` to give what `expectation` accepts; then returns it. */
async function eventually<T>(read: () => T, expectation: (value: T) => void): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = read();
    try {
      expectation(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Notices from different desktops may arrive in any order: compared sorted. */
const peopleIn = (list: ConversationPresence[]) =>
  list
    .map(({ conversationId, people }) => ({ conversationId, people: people.map(({ name, activity }) => `${name} ${activity}`).sort() }))
    .sort((a, b) => a.conversationId.localeCompare(b.conversationId));

/** Sends `payload` on the workspace's presence channel as the hub's owner would (any role may). */
const notifyAsOwner = (hub: TestHub, workspaceId: string, payload: string) => hub.owner.query('SELECT pg_notify($1, $2)', [presenceChannelOf(workspaceId), payload]);

describe('PresenceChannel', () => {
  it('shows each desktop what the others do, by conversation, and never its own person', async () => {
    const { desktops } = await team(['Julie', 'Marc', 'Léa']);
    const [julie, marc, lea] = desktops as [Desktop, Desktop, Desktop];
    julie.channel.announce('c-1', 'viewing');
    marc.channel.announce('c-1', 'writing');
    lea.channel.announce('c-2', 'viewing');
    await eventually(() => peopleIn(julie.channel.list()), (list) =>
      expect(list).toEqual([
        { conversationId: 'c-1', people: ['Marc writing'] },
        { conversationId: 'c-2', people: ['Léa viewing'] },
      ]),
    );
    await eventually(() => peopleIn(lea.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-1', people: ['Julie viewing', 'Marc writing'] }]));
    expect(peopleIn(lea.seen.at(-1) ?? [])).toEqual(peopleIn(lea.channel.list()));

    // Marc stops writing and leaves; Julie opens another conversation (her "left c-1" arriving late changes nothing).
    marc.channel.announce('c-1', null);
    julie.channel.announce('c-3', 'viewing');
    julie.channel.announce('c-1', null);
    await eventually(() => peopleIn(lea.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-3', people: ['Julie viewing'] }]));
    const since = lea.channel.list()[0]?.people[0]?.since ?? 0;
    expect(since).toBeGreaterThan(Date.now() - 5_000);
  });

  it('keeps a teammate shown while their heartbeat comes, and forgets one silent too long', async () => {
    const { hub, workspaceId, desktops } = await team(['Julie', 'Marc']);
    const [julie, marc] = desktops as [Desktop, Desktop];
    marc.channel.announce('c-1', 'writing');
    // A desktop that said it once and went silent (crashed): only its one notice ever comes.
    const ghost = await hub.newMember(workspaceId, { name: 'Ghost' });
    await notifyAsOwner(hub, workspaceId, JSON.stringify({ role: ghost.role, name: 'Ghost', conversationId: 'c-2', activity: 'viewing', at: Date.now() }));
    await eventually(() => peopleIn(julie.channel.list()), (list) => expect(list).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, FAST.forgetAfterMs * 3));
    expect(peopleIn(julie.channel.list())).toEqual([{ conversationId: 'c-1', people: ['Marc writing'] }]);
    expect(peopleIn(julie.seen.at(-1) ?? [])).toEqual([{ conversationId: 'c-1', people: ['Marc writing'] }]);
  });

  it('reconnects after the hub drops its connection, and says again where its person is', async () => {
    const { desktops } = await team(['Julie', 'Marc'], { heartbeatMs: 60_000, forgetAfterMs: 120_000 });
    const [julie, marc] = desktops as [Desktop, Desktop];
    marc.channel.announce('c-1', 'viewing');
    await eventually(() => peopleIn(julie.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-1', people: ['Marc viewing'] }]));

    await postgres.cluster.asSuperuser(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pieuvre-hub-presence' AND usename = '${marc.member.role}'`);
    // Said while the connection was down (or going): heard once Marc's desktop is back, with no heartbeat due for a minute.
    marc.channel.announce('c-1', 'writing');
    await eventually(() => peopleIn(julie.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-1', people: ['Marc writing'] }]));
    julie.channel.announce('c-9', 'viewing');
    await eventually(() => peopleIn(marc.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-9', people: ['Julie viewing'] }]));
  });

  it('says its person left when it closes: teammates see them gone at once, not after the silence', async () => {
    const { desktops } = await team(['Julie', 'Marc'], { heartbeatMs: 60_000, forgetAfterMs: 120_000 });
    const [julie, marc] = desktops as [Desktop, Desktop];
    marc.channel.announce('c-1', 'writing');
    await eventually(() => julie.channel.list(), (list) => expect(list).toHaveLength(1));
    await marc.channel.close();
    await eventually(() => julie.channel.list(), (list) => expect(list).toEqual([]));
  });

  it('ignores and logs what is not a presence notice, and goes on hearing the next one', async () => {
    const { hub, workspaceId, desktops, lines } = await team(['Julie', 'Marc']);
    const [julie, marc] = desktops as [Desktop, Desktop];
    for (const payload of ['not json', '{"role":"postgres","name":"Marc","conversationId":"c-1","activity":"viewing","at":1}', JSON.stringify({ role: marc.member.role, name: 'x'.repeat(7000), conversationId: 'c-1', activity: 'viewing', at: 1 }), '']) {
      await notifyAsOwner(hub, workspaceId, payload);
    }
    marc.channel.announce('c-1', 'viewing');
    await eventually(() => peopleIn(julie.channel.list()), (list) => expect(list).toEqual([{ conversationId: 'c-1', people: ['Marc viewing'] }]));
    const ignored = lines.filter((line) => line.msg === 'A presence notice was ignored.');
    // Marc's own desktop hears them too: four each.
    expect(ignored).toHaveLength(8);
    expect(ignored.map((line) => String(line.problem))).toEqual(expect.arrayContaining([expect.stringContaining('not JSON'), expect.stringContaining('role'), expect.stringContaining('name')]));
  });

  it('refuses to open when the hub refuses the role, and leaves no connection trying', async () => {
    const hub = await newTestHub(postgres.cluster);
    cleanups.push(() => hub.close());
    const member = { ...(await hub.newMember(await hub.newWorkspace())), password: 'not-the-password-at-all' };
    await expect(PresenceChannel.open({ member, me: { role: member.role, name: 'Julie' }, clock: systemClock, onChange: () => {} })).rejects.toThrow(/password/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    // One attempt: once refused, no retry knocks again.
    expect(postgres.cluster.serverLog().split(`password authentication failed for user "${member.role}"`)).toHaveLength(2);
  });

  it('writes nothing on the hub: every table holds what it held before', async () => {
    const { hub, desktops } = await team(['Julie', 'Marc']);
    const [julie, marc] = desktops as [Desktop, Desktop];
    const counts = async () => {
      const tables = await hub.owner.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'pieuvre' ORDER BY tablename");
      const rows = await Promise.all(tables.rows.map(async ({ name }) => [name, (await hub.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM pieuvre.${name}`)).rows[0]?.n]));
      return Object.fromEntries(rows) as Record<string, number>;
    };
    const before = await counts();
    julie.channel.announce('conversation-presence-marker', 'writing');
    await eventually(() => marc.channel.list(), (list) => expect(list).toHaveLength(1));
    expect(await counts()).toEqual(before);
    expect(await postgres.cluster.dump(hub.database)).not.toContain('conversation-presence-marker');
  });
});

import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { newId } from '../ids';
import type { ChangeNotice } from './changeListener';
import { HubClient } from './hubClient';
import type { Change } from './hubInputs';
import { newTeamKey, open, seal } from './teamKey';
import { usePrivatePostgres } from './testing/usePrivatePostgres';
import { newTestHub, type TestHub } from './testing/testHub';

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

/** A fresh hub with one workspace and `desktops` teammates connected to it. */
async function teamOf(desktops: number): Promise<{ hub: TestHub; workspaceId: string; clients: HubClient[] }> {
  const hub = await newTestHub(postgres.cluster);
  cleanups.push(() => hub.close());
  const workspaceId = await hub.newWorkspace();
  const clients: HubClient[] = [];
  for (let index = 0; index < desktops; index += 1) {
    const client = await HubClient.connect(await hub.newMember(workspaceId, { name: `Desktop ${index}` }));
    cleanups.push(() => client.close());
    clients.push(client);
  }
  return { hub, workspaceId, clients };
}

const change = (overrides: Partial<Change> = {}): Change => ({
  id: newId(),
  entity: 'conversation',
  entityId: newId(),
  field: 'assigneeId',
  value: { personId: newId(), note: 'Peux-tu t’en occuper ?' },
  op: 'set',
  madeAt: 1_764_900_000_123,
  ...overrides,
});

/** Resolves with the first value `predicate` accepts among those `subscribe` hands over. */
function waitFor<T>(subscribe: (push: (value: T) => void) => void, predicate: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => subscribe((value) => predicate(value) && resolve(value)));
}

describe('HubClient', () => {
  it('logs a change once however often it is pushed, as the desktop made it, with the server’s order and author', async () => {
    const { hub, clients } = await teamOf(1);
    const [desktop] = clients as [HubClient];
    const changes = [change(), change({ field: 'notes', op: 'append', value: 'Client fâché' }), change({ value: null })];
    const logged = await desktop.push(changes);
    expect(await desktop.push(changes)).toEqual([]);
    expect(await desktop.push([changes[1] as Change, change()])).toHaveLength(1);

    const pulled = await desktop.pull(0, 100);
    // Where the push said each one went: the desktop knows its own changes when they come back.
    expect(pulled.slice(0, 3).map(({ id, seq }) => ({ id, seq }))).toEqual(logged);
    expect(pulled.map(({ id, entity, entityId, field, value, op, madeAt }) => ({ id, entity, entityId, field, value, op, madeAt }))).toEqual([
      ...changes,
      expect.objectContaining({ field: 'assigneeId' }),
    ]);
    const roles = await hub.owner.query<{ role_name: string }>('SELECT role_name FROM pieuvre.members');
    expect(new Set(pulled.map((logged) => logged.authorRole))).toEqual(new Set(roles.rows.map((row) => row.role_name)));
    expect((await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.changes')).rows).toEqual([{ n: 4 }]);
  });

  it('gives every desktop the same order: two desktops pushing at once pull the same log, page by page', async () => {
    const { clients } = await teamOf(2);
    const [julie, marc] = clients as [HubClient, HubClient];
    const pushed = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const batch = [change({ value: index }), change({ value: index })];
        await (index % 2 === 0 ? julie : marc).push(batch);
        return batch;
      }),
    );
    const pageThrough = async (client: HubClient) => {
      const all = [];
      for (let page = await client.pull(0, 7); page.length > 0; page = await client.pull(page.at(-1)?.seq ?? 0, 7)) all.push(...page);
      return all;
    };
    const [seenByJulie, seenByMarc] = await Promise.all([pageThrough(julie), pageThrough(marc)]);
    expect(seenByJulie).toEqual(seenByMarc);
    expect(new Set(seenByJulie.map((logged) => logged.id))).toEqual(new Set(pushed.flat().map((made) => made.id)));
    const seqs = seenByJulie.map((logged) => logged.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(40);
    // A push is one statement: its changes stay together and in the order given.
    for (const batch of pushed) {
      const [first, second] = batch.map((made) => seenByJulie.findIndex((logged) => logged.id === made.id));
      expect(second).toBe((first ?? 0) + 1);
    }
  });

  it('tells a listening desktop of each new change, and again after its connection was cut', async () => {
    const { clients } = await teamOf(2);
    const [julie, marc] = clients as [HubClient, HubClient];
    const notices: ChangeNotice[] = [];
    const states: string[] = [];
    const noticeListeners: ((notice: ChangeNotice) => void)[] = [];
    const stateListeners: ((state: string) => void)[] = [];
    const listening = julie.listen(
      (notice) => {
        notices.push(notice);
        for (const listener of noticeListeners) listener(notice);
      },
      (state) => {
        states.push(state);
        for (const listener of stateListeners) listener(state);
      },
    );
    cleanups.push(() => listening.close());
    const seen = (predicate: (notice: ChangeNotice) => boolean) => waitFor<ChangeNotice>((push) => noticeListeners.push(push), predicate);

    // The first notice, on connecting, is where the log stands.
    await (notices.length > 0 ? Promise.resolve() : seen(() => true));
    expect(notices).toEqual([{ seq: 0 }]);
    const arrived = seen((notice) => notice.seq > 0);
    await marc.push([change()]);
    const [logged] = await julie.pull(0, 10);
    expect(await arrived).toEqual({ seq: logged?.seq });

    // The hub drops the listening connection; a change made while it is down is reported once it is back.
    const dropped = waitFor<string>((push) => stateListeners.push(push), (state) => state === 'reconnecting');
    await postgres.cluster.asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pieuvre-hub-listen'");
    await dropped;
    const reconnected = seen((notice) => notice.seq > (logged?.seq ?? 0));
    await marc.push([change()]);
    const last = (await julie.pull(logged?.seq ?? 0, 10)).at(-1);
    expect(await reconnected).toEqual({ seq: last?.seq });
    expect(states).toEqual(['listening', 'reconnecting', 'listening']);
  });

  it('hands an account’s lease to another desktop once its holder stops heart-beating, and never to two at once', async () => {
    const { clients } = await teamOf(2);
    const [first, second] = clients as [HubClient, HubClient];
    const accountId = newId();
    const taken = await first.acquireLease(accountId, 60_000);
    expect(taken).toMatchObject({ isHeld: true });
    const refused = await second.acquireLease(accountId, 60_000);
    expect(refused).toMatchObject({ isHeld: false, heldBy: { holderDesktopId: taken.isHeld ? taken.lease.holderDesktopId : '', holderName: 'Desktop 0' } });
    // Renewing keeps when it was first taken.
    const renewed = await first.acquireLease(accountId, 60_000);
    expect(renewed.isHeld && taken.isHeld && renewed.lease.acquiredAt).toBe(taken.isHeld && taken.lease.acquiredAt);

    // The holder's last heartbeat asks for little time, then it goes quiet (a crash).
    expect(await first.heartbeat(accountId, 150)).toBe(true);
    let takeover = await second.acquireLease(accountId, 60_000);
    while (!takeover.isHeld) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      takeover = await second.acquireLease(accountId, 60_000);
    }
    expect(takeover.lease.holderDesktopId).not.toBe(taken.isHeld ? taken.lease.holderDesktopId : '');
    expect(await first.heartbeat(accountId, 60_000)).toBe(false);
    expect(await first.acquireLease(accountId, 60_000)).toMatchObject({ isHeld: false });

    // Releasing frees it at once; a release by a desktop that does not hold it changes nothing.
    await first.release(accountId);
    expect(await first.acquireLease(accountId, 60_000)).toMatchObject({ isHeld: false });
    await second.release(accountId);
    expect(await first.acquireLease(accountId, 60_000)).toMatchObject({ isHeld: true });
  });

  it('withdraws an account for the team: its sealed tokens and lease go, nobody puts a copy back until it is signed in again', async () => {
    const { hub, clients } = await teamOf(2);
    const [julie, marc] = clients as [HubClient, HubClient];
    const key = newTeamKey();
    const [accountId, other] = [newId(), newId()];
    const tokens = (id: string) => [seal(key, `account:${id}:session`, 'jeton'), seal(key, `account:${id}:appPassword`, 'mot-de-passe')];
    for (const sealed of [...tokens(accountId), ...tokens(other)]) await julie.putSealedSecret(sealed);
    await julie.acquireLease(accountId, 60_000);
    const onHub = async () => (await hub.owner.query<{ name: string }>('SELECT name FROM pieuvre.sealed_secrets ORDER BY name')).rows.map((row) => row.name);

    expect(await marc.withdrawAccount(accountId)).toBe(2);
    expect(await onHub()).toEqual(tokens(other).map((sealed) => sealed.name).sort());
    expect((await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.leases')).rows).toEqual([{ n: 0 }]);
    expect(await julie.heartbeat(accountId, 60_000)).toBe(false);
    expect(await julie.withdrawnAccounts()).toEqual(new Map([[accountId, 'Desktop 1']]));
    await julie.putSealedSecret(tokens(accountId)[0]!);
    expect(await onHub()).not.toContain(`account:${accountId}:session`);

    // Not withdrawn: restoring changes nothing. Withdrawn: lifted, with the fresh token.
    expect(await julie.restoreAccount(other, [seal(key, `account:${other}:session`, 'autre')])).toBe(false);
    await expect(julie.restoreAccount(accountId, tokens(other))).rejects.toThrow('is not account');
    expect(await marc.restoreAccount(accountId, [seal(key, `account:${accountId}:session`, 'nouveau')])).toBe(true);
    expect(await julie.withdrawnAccounts()).toEqual(new Map());
    expect((await julie.sealedSecrets()).filter((sealed) => sealed.name.includes(accountId)).map((sealed) => open(key, sealed))).toEqual(['nouveau']);
  });

  it('checks every input before it reaches the hub', async () => {
    const { hub, clients } = await teamOf(1);
    const [desktop] = clients as [HubClient];
    await expect(desktop.push([change({ id: 'not-a-uuid' })])).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.push([change({ op: 'delete' as Change['op'] })])).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.push([{ ...change(), extra: 1 } as Change])).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.pull(-1, 10)).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.pull(0, 10_000)).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.acquireLease('account-1', 1000)).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.acquireLease(newId(), 1)).rejects.toBeInstanceOf(ZodError);
    const sealed = seal(newTeamKey(), 'account:x', 'token');
    await expect(desktop.putSealedSecret({ ...sealed, nonce: Buffer.alloc(8) })).rejects.toBeInstanceOf(ZodError);
    await expect(desktop.putSealedSecret({ ...sealed, keyVersion: 0 })).rejects.toBeInstanceOf(ZodError);
    expect(await desktop.sealedSecrets()).toEqual([]);
    expect((await hub.owner.query('SELECT count(*)::int AS n FROM pieuvre.changes')).rows).toEqual([{ n: 0 }]);
    const member = await hub.newMember(await hub.newWorkspace());
    await expect(HubClient.connect({ ...member, url: member.url.replace('postgresql:', 'http:') })).rejects.toThrow('must start with postgresql://');
  });
});

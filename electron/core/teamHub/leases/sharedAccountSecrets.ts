import type { HubClient } from '../../hub/hubClient';
import { open, seal, type SealedSecret, type TeamKey } from '../../hub/teamKey';
import { Secret } from '../../secrets/secret';
import type { SecretStore } from '../../secrets/secretStore';
import type { TeamAccountIds } from './teamAccountIds';

/**
 * Account secrets shared with the team through the hub, sealed with the team key (which the
 * hub never sees: a dump of it holds no token in clear). A sealed secret keeps the name it has
 * in the secret store (`account:<id>:<purpose>`), authenticated with it, so one account's token
 * cannot be passed off as another's.
 *
 * Whose copy wins: the lease holder's. Only the holder polls and sends, so only it refreshes
 * tokens; it puts what it has whenever that differs from the hub's. A desktop that does not hold
 * the account puts its copy only where the hub has none yet (the first to share it), and
 * takes the hub's when it gets the lease, before polling.
 */

const ACCOUNT_PREFIX = 'account:';
/** The account a secret's name (`account:<id>:<purpose>`) belongs to, or null for another secret. */
export const accountOf = (name: string): string | null => (name.startsWith(ACCOUNT_PREFIX) ? (name.slice(ACCOUNT_PREFIX.length).split(':')[0] ?? null) : null);

/**
 * The hub's sealed account secrets: those this desktop opened, by name, and those it could not
 * (sealed with a newer team key than it holds, or altered): it never writes over the latter.
 * Names are this desktop's (the hub files them under the account's team id: teamAccountIds.ts).
 * `stale`: hub names filed under an id the account no longer goes by (put before the sync told
 * that two desktops had connected it apart), to delete.
 */
export type SharedSecrets = { opened: Map<string, string>; unopened: Map<string, Error>; stale: string[] };

export async function openSharedSecrets(client: HubClient, teamKey: TeamKey, ids: TeamAccountIds): Promise<SharedSecrets> {
  const shared: SharedSecrets = { opened: new Map(), unopened: new Map(), stale: [] };
  for (const sealed of await client.sealedSecrets()) {
    if (accountOf(sealed.name) === null) continue;
    const name = ids.localName(sealed.name);
    if (ids.hubName(name) !== sealed.name) {
      shared.stale.push(sealed.name);
      continue;
    }
    try {
      shared.opened.set(name, open(teamKey, sealed));
    } catch (error) {
      shared.unopened.set(name, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return shared;
}

/** This desktop's secrets of one account, sealed under the names the hub files them by. */
export async function sealAccountSecrets(store: SecretStore, teamKey: TeamKey, ids: TeamAccountIds, accountId: string): Promise<SealedSecret[]> {
  const sealed: SealedSecret[] = [];
  for (const name of await store.list()) {
    const value = accountOf(name) === accountId ? (await store.get(name))?.reveal() : undefined;
    if (value !== undefined) sealed.push(seal(teamKey, ids.hubName(name), value));
  }
  return sealed;
}

/** The accounts whose secrets this desktop has, or could open from the hub. */
export async function accountsWithSecrets(store: SecretStore, shared: SharedSecrets): Promise<Set<string>> {
  const names = [...(await store.list()), ...shared.opened.keys()];
  return new Set(names.map(accountOf).filter((accountId): accountId is string => accountId !== null));
}

/**
 * Just took the account's lease: its secrets from the hub replace what this desktop has (the
 * previous holder may have refreshed them). True when any changed: the account reconnects with them.
 */
export async function adoptSharedSecrets(store: SecretStore, shared: SharedSecrets, accountId: string): Promise<boolean> {
  let hasChanged = false;
  for (const [name, value] of shared.opened) {
    if (accountOf(name) !== accountId || (await store.get(name))?.reveal() === value) continue;
    await store.set(name, new Secret(value));
    hasChanged = true;
  }
  return hasChanged;
}

/** An account as this desktop shares its secrets: it holds the lease, or not, or the team withdrew it (put nothing). */
export type AccountStanding = 'held' | 'other' | 'withdrawn';

/**
 * Puts this desktop's account secrets on the hub, sealed: for the accounts it holds, whatever
 * differs from the hub's copy (a refreshed token); for the others, only what the hub lacks; for
 * those withdrawn from the team, nothing. Returns how many were put.
 */
export async function shareSecrets(
  client: HubClient,
  teamKey: TeamKey,
  ids: TeamAccountIds,
  store: SecretStore,
  shared: SharedSecrets,
  standingOf: (accountId: string) => AccountStanding,
): Promise<number> {
  const toPut: SealedSecret[] = [];
  for (const name of await store.list()) {
    const accountId = accountOf(name);
    if (accountId === null || shared.unopened.has(name)) continue;
    const standing = standingOf(accountId);
    const onHub = shared.opened.get(name);
    if (standing === 'withdrawn' || (onHub !== undefined && standing !== 'held')) continue;
    const value = (await store.get(name))?.reveal();
    if (value === undefined || value === onHub) continue;
    toPut.push(seal(teamKey, ids.hubName(name), value));
  }
  for (const sealed of toPut) await client.putSealedSecret(sealed);
  return toPut.length;
}

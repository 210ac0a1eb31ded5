import { deleteAccountSecrets, type SecretStore } from '../../secrets/secretStore';
import { accountOf } from './sharedAccountSecrets';

/** Withdrawn accounts by this desktop's id, with the name of the teammate whose desktop withdrew each (null: unknown). */
export type WithdrawnBy = ReadonlyMap<string, string | null>;

/**
 * A teammate disconnected an account on their desktop (#14 §4): this desktop drops its own copy
 * of the account's sign-in too, so that the token is gone from the whole team, not only from the
 * hub. `isSignedInHere`: signed in again here meanwhile, and the hub not told yet (it lifts the
 * withdrawal then): kept. Returns the accounts whose sign-in went.
 */
export async function dropWithdrawnSignIns(store: SecretStore, withdrawnBy: WithdrawnBy, isSignedInHere: (accountId: string) => boolean): Promise<string[]> {
  const mine = new Set((await store.list()).map(accountOf));
  const dropped = [...withdrawnBy.keys()].filter((accountId) => mine.has(accountId) && !isSignedInHere(accountId));
  for (const accountId of dropped) await deleteAccountSecrets(store, accountId);
  return dropped;
}

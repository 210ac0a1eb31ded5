import type { Secret } from './secret';

/**
 * Where tokens and app passwords live: never in SQLite, never sent to the renderer. Names say
 * whose secret it is and what for (see `accountSecretName`); values are `Secret`s so that a
 * value read here cannot end up in a log by accident.
 */
export type SecretStore = {
  get(name: string): Promise<Secret | null>;
  set(name: string, value: Secret): Promise<void>;
  /** True when there was a secret of that name. */
  delete(name: string): Promise<boolean>;
  /** Names only, sorted: never the values. */
  list(): Promise<string[]>;
};

/** What an account keeps: a Bluesky session, a Mastodon token, an app password while signing in. */
export type AccountSecretPurpose = 'session' | 'accessToken' | 'refreshToken' | 'appPassword';

const ACCOUNT_PREFIX = 'account:';

/** `account:<account id>:<purpose>`: one account's secrets share a prefix, so they can be removed together. */
export function accountSecretName(accountId: string, purpose: AccountSecretPurpose): string {
  if (accountId.length === 0 || accountId.includes(':')) throw new Error(`An account id for a secret's name cannot be empty or hold ':' (got ${JSON.stringify(accountId)}).`);
  return `${ACCOUNT_PREFIX}${accountId}:${purpose}`;
}

/** Disconnecting an account forgets every secret it had; gives how many were removed. */
export async function deleteAccountSecrets(store: SecretStore, accountId: string): Promise<number> {
  const prefix = `${ACCOUNT_PREFIX}${accountId}:`;
  const names = (await store.list()).filter((name) => name.startsWith(prefix));
  for (const name of names) await store.delete(name);
  return names.length;
}

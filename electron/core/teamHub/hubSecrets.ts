import { z } from 'zod';
import { newDeskKeyPair } from '../hub/keyEnvelope';
import { teamKeySchema, type TeamKey } from '../hub/teamKey';
import { Secret } from '../secrets/secret';
import type { SecretStore } from '../secrets/secretStore';

/**
 * The membership's secrets, in the secret store (never SQLite, never a log): the role's
 * password, the team key, this desktop's private key (rotated team keys are sealed to it), and
 * on the owner's desktop the URL of the role that adds teammates.
 */
const NAMES = { password: 'hub:rolePassword', teamKey: 'hub:teamKey', ownerUrl: 'hub:ownerUrl', deskKey: 'hub:deskKey' } as const;

export type HubSecrets = { password: Secret; teamKey: TeamKey; ownerUrl: Secret | null };

const storedKeySchema = z.strictObject({ version: z.number().int().min(1), key: z.base64url() });

const encodeKey = (teamKey: TeamKey) => new Secret(JSON.stringify({ version: teamKey.version, key: teamKey.key.toString('base64url') }));

export async function saveHubSecrets(store: SecretStore, secrets: HubSecrets): Promise<void> {
  await store.set(NAMES.password, secrets.password);
  await saveTeamKey(store, secrets.teamKey);
  if (secrets.ownerUrl) await store.set(NAMES.ownerUrl, secrets.ownerUrl);
}

export function saveTeamKey(store: SecretStore, teamKey: TeamKey): Promise<void> {
  return store.set(NAMES.teamKey, encodeKey(teamKey));
}

/** The membership's secrets; an Error naming the one missing (the secrets file was replaced, say). */
export async function readHubSecrets(store: SecretStore): Promise<HubSecrets> {
  const [password, key, ownerUrl] = await Promise.all([store.get(NAMES.password), store.get(NAMES.teamKey), store.get(NAMES.ownerUrl)]);
  if (!password || !key) throw new Error(`The team workspace's ${password ? 'team key' : 'password'} is missing from the secret store: leave the workspace and join again.`);
  const stored = storedKeySchema.parse(JSON.parse(key.reveal()));
  return { password, teamKey: teamKeySchema.parse({ version: stored.version, key: Buffer.from(stored.key, 'base64url') }), ownerUrl };
}

/**
 * This desktop's private X25519 key (as JWK), made and stored the first time it is asked for:
 * on create and join, or at the first connection of a membership older than key envelopes.
 */
export async function deskPrivateKey(store: SecretStore): Promise<Secret> {
  const stored = await store.get(NAMES.deskKey);
  if (stored) return stored;
  const made = new Secret(newDeskKeyPair().privateJwk);
  await store.set(NAMES.deskKey, made);
  return made;
}

export async function deleteHubSecrets(store: SecretStore): Promise<void> {
  for (const name of Object.values(NAMES)) await store.delete(name);
}

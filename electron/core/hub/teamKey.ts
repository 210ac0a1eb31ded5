import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The key a team shares out of band (inside invitations) to seal platform tokens on the hub,
 * which never sees it. Versioned: removing a teammate rotates it to the next version.
 */
export type TeamKey = { version: number; key: Buffer };

/** A token as the hub stores it: nothing here opens without the team key. */
export type SealedSecret = { name: string; keyVersion: number; nonce: Buffer; ciphertext: Buffer };

const KEY_BYTES = 32; // AES-256
const NONCE_BYTES = 12; // GCM's standard nonce: random, never reused under one key
const TAG_BYTES = 16;

export const teamKeySchema = z.strictObject({
  version: z.number().int().min(1),
  key: z.instanceof(Buffer).refine((key) => key.length === KEY_BYTES, `A team key is ${KEY_BYTES} bytes.`),
});

/** Why a sealed token did not open; `reason` lets the UI word it. */
export class TeamKeyError extends Error {
  override name = 'TeamKeyError';
  constructor(
    readonly reason: 'other_version' | 'not_authentic',
    message: string,
  ) {
    super(message);
  }
}

export const newTeamKey = (version = 1): TeamKey => teamKeySchema.parse({ version, key: randomBytes(KEY_BYTES) });

/**
 * The key version and the secret's name are authenticated with the ciphertext: a token copied
 * under another account's name on the hub, or relabelled with another version, fails to open.
 */
const associatedData = (name: string, keyVersion: number) => Buffer.from(JSON.stringify(['pieuvre-sealed-secret', keyVersion, name]));

export function seal(teamKey: TeamKey, name: string, plaintext: string): SealedSecret {
  const { key, version } = teamKeySchema.parse(teamKey);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(name, version));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { name, keyVersion: version, nonce, ciphertext };
}

export function open(teamKey: TeamKey, sealed: SealedSecret): string {
  const { key, version } = teamKeySchema.parse(teamKey);
  if (sealed.keyVersion !== version) {
    throw new TeamKeyError('other_version', `"${sealed.name}" is sealed with team key version ${sealed.keyVersion}; this desktop holds version ${version}.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(sealed.name, sealed.keyVersion));
    decipher.setAuthTag(sealed.ciphertext.subarray(-TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.ciphertext.subarray(0, -TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new TeamKeyError(
      'not_authentic',
      `"${sealed.name}" does not open with team key version ${version}: it was altered on the hub, or sealed with another key of that version.`,
    );
  }
}

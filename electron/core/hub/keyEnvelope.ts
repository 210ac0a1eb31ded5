import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { roleNameSchema } from './hubInputs';
import { TeamKeyError, teamKeySchema, type TeamKey } from './teamKey';

/**
 * How a rotated team key reaches the teammates who stay without the hub ever seeing it: each
 * desktop has its own X25519 key pair (the private half in its secret store, the public half on
 * the hub), and the owner's desktop seals the new key for each current member's public key.
 * A removed teammate gets no envelope.
 */

/** One desktop's key pair; `privateJwk` goes to the secret store only. */
export type DeskKeyPair = { publicKey: Buffer; privateJwk: string };

/** A team key sealed for one member's desktop, as the hub keeps it. */
export type KeyEnvelope = { role: string; keyVersion: number; ephemeralPublicKey: Buffer; nonce: Buffer; ciphertext: Buffer };

const PUBLIC_KEY_BYTES = 32; // X25519
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HKDF_INFO = Buffer.from('pieuvre-team-key-envelope-1');

const bytes = (length: number, what: string) => z.instanceof(Buffer).refine((value) => value.length === length, `${what} is ${length} bytes.`);
export const publicKeySchema = bytes(PUBLIC_KEY_BYTES, 'A desktop’s public key');
export const keyEnvelopeSchema = z.strictObject({
  role: roleNameSchema,
  keyVersion: z.number().int().min(1),
  ephemeralPublicKey: publicKeySchema,
  nonce: bytes(NONCE_BYTES, 'An envelope’s nonce'),
  ciphertext: bytes(KEY_BYTES + TAG_BYTES, 'An envelope’s ciphertext'),
});

/**
 * The envelope did not open: altered on the hub, sealed for another desktop, or not for this
 * role and version. A TeamKeyError, so the membership reports it as `key_outdated`.
 */
export class KeyEnvelopeError extends TeamKeyError {
  override name = 'KeyEnvelopeError';
  constructor(message: string) {
    super('not_authentic', message);
  }
}

const privateJwkSchema = z.strictObject({ kty: z.literal('OKP'), crv: z.literal('X25519'), x: z.base64url(), d: z.base64url() });
const privateKeyObject = (privateJwk: string) => createPrivateKey({ key: privateJwkSchema.parse(JSON.parse(privateJwk)), format: 'jwk' });
const rawPublicKey = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
const publicKeyObject = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKeySchema.parse(raw).toString('base64url') }, format: 'jwk' });

export function newDeskKeyPair(): DeskKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublicKey(publicKey), privateJwk: JSON.stringify(privateKey.export({ format: 'jwk' })) };
}

/** The public half of a stored private key (to publish it again). */
export function publicKeyOf(privateJwk: string): Buffer {
  return rawPublicKey(createPublicKey(privateKeyObject(privateJwk)));
}

/**
 * The envelope's key: ECDH of the ephemeral and the member's key, through HKDF-SHA256 salted
 * with both public keys (so an envelope moved to another key pair derives another key).
 */
function envelopeKey(privateKey: KeyObject, publicKey: KeyObject, ephemeralPublicKey: Buffer, recipientPublicKey: Buffer): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublicKey, recipientPublicKey]), HKDF_INFO, KEY_BYTES));
}

/** The workspace, the member's role and the key version are authenticated: a relabelled envelope fails. */
const associatedData = (workspaceId: string, role: string, keyVersion: number) => Buffer.from(JSON.stringify(['pieuvre-key-envelope', workspaceId, role, keyVersion]));

export function sealTeamKey(teamKey: TeamKey, recipient: { workspaceId: string; role: string; publicKey: Buffer }): KeyEnvelope {
  const { key, version } = teamKeySchema.parse(teamKey);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = rawPublicKey(ephemeral.publicKey);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', envelopeKey(ephemeral.privateKey, publicKeyObject(recipient.publicKey), ephemeralPublicKey, recipient.publicKey), nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData(recipient.workspaceId, recipient.role, version));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { role: recipient.role, keyVersion: version, ephemeralPublicKey, nonce, ciphertext };
}

export function openTeamKey(privateJwk: string, workspaceId: string, envelope: KeyEnvelope): TeamKey {
  const refusal = () =>
    new KeyEnvelopeError(
      `The team key version ${envelope.keyVersion} sealed for ${envelope.role} does not open on this desktop: it was altered on the hub, or sealed for another desktop’s key.`,
    );
  const parsed = keyEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw refusal();
  try {
    const privateKey = privateKeyObject(privateJwk);
    const ownPublicKey = rawPublicKey(createPublicKey(privateKey));
    const { ephemeralPublicKey, nonce, ciphertext, role, keyVersion } = parsed.data;
    const decipher = createDecipheriv('aes-256-gcm', envelopeKey(privateKey, publicKeyObject(ephemeralPublicKey), ephemeralPublicKey, ownPublicKey), nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(workspaceId, role, keyVersion));
    decipher.setAuthTag(ciphertext.subarray(-TAG_BYTES));
    const key = Buffer.concat([decipher.update(ciphertext.subarray(0, -TAG_BYTES)), decipher.final()]);
    return teamKeySchema.parse({ version: keyVersion, key });
  } catch {
    throw refusal();
  }
}

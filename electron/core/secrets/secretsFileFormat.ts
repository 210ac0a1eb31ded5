import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeySource } from './keyProvider';

/**
 * `secrets.enc`: a small JSON envelope around one AES-256-GCM ciphertext of every secret. The
 * header (format, version, where the key is kept and a check value of the key) is authenticated
 * with the ciphertext, so changing any byte of the file makes it refused, and a wrong key is told
 * apart from a damaged file.
 */
const FORMAT = 'pieuvre-secrets';
const VERSION = 1;
const IV_BYTES = 12; // GCM's standard nonce size
// Node would accept a tag cut down to 4 bytes; a full one is required.
const TAG_BYTES = 16;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  keySource: z.enum(['electron-safe-storage', 'os-keyring', 'key-file']),
  keyCheck: z.string(),
});
const envelopeSchema = headerSchema.extend({ iv: z.base64(), tag: z.base64(), data: z.base64() });
const secretsSchema = z.record(z.string(), z.string());

export type SecretsHeader = z.infer<typeof headerSchema>;

/** The parsed outside of the file, or null when it is not a secrets file at all. */
export function readEnvelope(text: string): z.infer<typeof envelopeSchema> | null {
  try {
    return envelopeSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Says which key locked the file without giving anything of the key away. */
export function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key).update('pieuvre secrets key check').digest('base64').slice(0, 22);
}

const additionalData = (header: SecretsHeader) =>
  Buffer.from(JSON.stringify([header.format, header.version, header.keySource, header.keyCheck]));

/** A fresh IV on every write: GCM must never see the same IV twice under one key. */
export function seal(secrets: ReadonlyMap<string, string>, key: Buffer, keySource: KeySource): string {
  const header: SecretsHeader = { format: FORMAT, version: VERSION, keySource, keyCheck: keyCheckOf(key) };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(header));
  const data = Buffer.concat([cipher.update(JSON.stringify(Object.fromEntries(secrets)), 'utf8'), cipher.final()]);
  return JSON.stringify({ ...header, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
}

/** The secrets, or null when the ciphertext, its tag or its header was changed. */
export function open(envelope: z.infer<typeof envelopeSchema>, key: Buffer): Map<string, string> | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(envelope));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    return new Map(Object.entries(secretsSchema.parse(JSON.parse(plain.toString('utf8')))));
  } catch {
    return null;
  }
}

import { createHash } from 'node:crypto';

/**
 * How much of a rejected payload is kept. Enough to see what the platform sent; a connector
 * that hands over a 10 MB blob no longer grows the database by 10 MB per retry.
 */
export const PAYLOAD_HEAD_BYTES = 4096;

/** What the quarantine keeps of a payload: its first bytes, and the size and SHA-256 of all of it. */
export type QuarantinedPayload = { head: string; size: number; sha256: string };

/** The raw payload as stored for later inspection; never throws, whatever the connector sent. */
export function serialisePayload(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch (error) {
    return `unserialisable payload (${error instanceof Error ? error.message : String(error)}): ${String(raw)}`;
  }
}

/**
 * Keeps at most PAYLOAD_HEAD_BYTES of UTF-8, cut on a character boundary so the head stays
 * valid text; the hash and size describe the whole payload, so a copy from the platform can
 * still be matched against it.
 */
export function quarantinePayload(payload: string): QuarantinedPayload {
  const bytes = Buffer.from(payload, 'utf8');
  let end = Math.min(bytes.length, PAYLOAD_HEAD_BYTES);
  // Back off over continuation bytes (10xxxxxx) so a multi-byte character is never split.
  if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  return {
    head: bytes.subarray(0, end).toString('utf8'),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

import { z } from 'zod';
import { hubUrlSchema, serverCaSchema } from './hubAddress';

/** Roles this app creates: `pieuvre_` and 16 hex digits, safe anywhere an identifier goes. */
export const roleNameSchema = z.string().regex(/^pieuvre_[0-9a-f]{16}$/u, 'A teammate role is pieuvre_ followed by 16 hex digits.');

/** How a teammate's desktop reaches its workspace on the hub. */
export const hubMemberSchema = z.strictObject({
  url: hubUrlSchema,
  role: roleNameSchema,
  password: z.string().min(16).max(200),
  workspaceId: z.uuid(),
  serverCa: serverCaSchema.optional(),
  /** This installation: lease holder and author of its changes. */
  desktopId: z.uuid(),
});
export type HubMember = z.infer<typeof hubMemberSchema>;

const MAX_VALUE_CHARS = 64 * 1024;

/** One change a desktop made: set a field, or append to it (notes, history). */
export const changeSchema = z.strictObject({
  /** Chosen by the desktop that made it: pushing it again changes nothing. */
  id: z.uuid(),
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(200),
  field: z.string().min(1).max(64),
  value: z.json().refine((value) => JSON.stringify(value).length <= MAX_VALUE_CHARS, `A change's value is at most ${MAX_VALUE_CHARS} characters of JSON.`),
  op: z.enum(['set', 'append']),
  /** Epoch ms, the desktop's clock. */
  madeAt: z.number().int().nonnegative(),
});
export type Change = z.infer<typeof changeSchema>;

export const MAX_PUSH = 500;
export const pushSchema = z.array(changeSchema).max(MAX_PUSH);
export const pullSchema = z.strictObject({ afterSeq: z.number().int().nonnegative(), limit: z.number().int().min(1).max(MAX_PUSH) });

/** Lease durations: long enough for one heartbeat round trip, short enough to take over fast. */
export const leaseSchema = z.strictObject({ accountId: z.uuid(), ttlMs: z.number().int().min(100).max(10 * 60_000) });

/** A sealed token on its way to the hub (teamKey.ts makes them). */
export const sealedSecretSchema = z.strictObject({
  name: z.string().min(1).max(200),
  keyVersion: z.number().int().min(1),
  nonce: z.instanceof(Buffer).refine((nonce) => nonce.length === 12, 'A nonce is 12 bytes.'),
  ciphertext: z.instanceof(Buffer).refine((ciphertext) => ciphertext.length >= 16, 'A ciphertext ends with its 16-byte tag.'),
});

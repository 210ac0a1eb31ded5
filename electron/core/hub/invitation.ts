import { z } from 'zod';
import { hubUrlSchema, serverCaSchema } from './hubAddress';
import { roleNameSchema } from './hubInputs';
import { teamKeySchema, type TeamKey } from './teamKey';

/**
 * What a teammate needs to join, in one string handed over out of band (it holds a password
 * and the team key): a versioned prefix and the base64url of a JSON object.
 */
export type Invitation = {
  hubUrl: string;
  workspaceId: string;
  role: string;
  password: string;
  teamKey: TeamKey;
  /** The hub's private CA (PEM), when no public CA signed its certificate. */
  serverCa?: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The person the inviter's desktop made for the teammate: the joiner becomes them. */
  personId?: string;
};

const PREFIX = 'pieuvre-invitation-1.';
const ANY_VERSION = /^pieuvre-invitation-(\d+)\./u;

const payloadSchema = z.strictObject({
  hubUrl: hubUrlSchema,
  workspaceId: z.uuid(),
  role: roleNameSchema,
  password: z.string().min(16).max(200),
  teamKey: z.strictObject({ version: z.number().int().min(1), key: z.base64url() }),
  serverCa: serverCaSchema.optional(),
  expiresAt: z.number().int().positive(),
  personId: z.string().min(1).max(64).optional(),
});

/** Why an invitation was refused; `reason` lets the UI word it. */
export class InvitationError extends Error {
  override name = 'InvitationError';
  constructor(
    readonly reason: 'not_an_invitation' | 'newer' | 'garbled' | 'expired',
    message: string,
  ) {
    super(message);
  }
}

export function encodeInvitation(invitation: Invitation): string {
  const teamKey = teamKeySchema.parse(invitation.teamKey);
  const payload = payloadSchema.parse({ ...invitation, teamKey: { version: teamKey.version, key: teamKey.key.toString('base64url') } });
  return PREFIX + Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The invitation, or an InvitationError saying what is wrong with the string. */
export function decodeInvitation(text: string, now: number): Invitation {
  const trimmed = text.trim();
  const version = ANY_VERSION.exec(trimmed)?.[1];
  if (version === undefined) throw new InvitationError('not_an_invitation', `This is not a Pieuvre invitation: it should start with "${PREFIX}".`);
  if (!trimmed.startsWith(PREFIX)) throw new InvitationError('newer', `This invitation is format ${version}, from a newer Pieuvre: update Pieuvre to join.`);
  const payload = parsePayload(trimmed.slice(PREFIX.length));
  if (payload.expiresAt <= now) {
    throw new InvitationError('expired', `This invitation expired on ${new Date(payload.expiresAt).toISOString()}: ask for a new one.`);
  }
  return { ...payload, teamKey: teamKeySchema.parse({ version: payload.teamKey.version, key: Buffer.from(payload.teamKey.key, 'base64url') }) };
}

function parsePayload(encoded: string): z.infer<typeof payloadSchema> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(z.base64url().parse(encoded), 'base64url').toString('utf8'));
  } catch {
    throw new InvitationError('garbled', 'This invitation is damaged (cut short or altered while copied): ask for it again.');
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) {
    const where = payload.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ');
    throw new InvitationError('garbled', `This invitation is damaged (${where}): ask for it again.`);
  }
  if (Buffer.from(payload.data.teamKey.key, 'base64url').length !== 32) throw new InvitationError('garbled', 'This invitation is damaged (teamKey): ask for it again.');
  return payload.data;
}

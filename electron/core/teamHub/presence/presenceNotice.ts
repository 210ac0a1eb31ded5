import { z } from 'zod';
import { personName } from '../../../../shared/api/team';
import { roleNameSchema } from '../../hub/hubInputs';

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a notice is far smaller (ids and a
 * name), and one that is not is refused before it is sent or read.
 */
export const MAX_NOTICE_BYTES = 7999;

/**
 * The workspace's presence channel. Not a secret (any role on the server may LISTEN or NOTIFY on
 * any channel): what crosses it is only a role, a display name, a conversation id and an activity.
 */
export const presenceChannelOf = (workspaceId: string) => `pieuvre_presence_${workspaceId}`;

/** What one desktop says on the channel: what its person is doing, and where (null: nothing now). */
export const presenceNoticeSchema = z.strictObject({
  role: roleNameSchema,
  name: personName,
  conversationId: z.string().min(1).max(64),
  activity: z.enum(['viewing', 'writing']).nullable(),
  /** Epoch ms, the sender's clock: only for the log, since expiry is judged on the receiver's. */
  at: z.number().int().nonnegative(),
});
export type PresenceNotice = z.infer<typeof presenceNoticeSchema>;

/** The notice as sent, or an error naming why it cannot be. */
export function encodeNotice(notice: PresenceNotice): string {
  const payload = JSON.stringify(presenceNoticeSchema.parse(notice));
  if (Buffer.byteLength(payload) > MAX_NOTICE_BYTES) throw new Error(`A presence notice is at most ${MAX_NOTICE_BYTES} bytes.`);
  return payload;
}

/** A notice heard on the channel, or the reason it is not one (anyone on the server may send anything). */
export function parseNotice(payload: string | undefined): { notice: PresenceNotice } | { problem: string } {
  if (payload === undefined || Buffer.byteLength(payload) > MAX_NOTICE_BYTES) return { problem: 'no payload, or one too long' };
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = presenceNoticeSchema.safeParse(value);
  if (!parsed.success) return { problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'notice'}: ${issue.message}`).join('; ') };
  return { notice: parsed.data };
}

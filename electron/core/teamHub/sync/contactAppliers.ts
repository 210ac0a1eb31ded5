import { z } from 'zod';
import { cachedStatement } from '../../store/statementCache';
import { applier, UnappliableChange, type Applier } from './applier';
import { contactFieldValue } from './changeValues';

/** A contact's VIP mark, block or mute, as the team last set it (contacts are one per platform id). */
function contactField(column: string, schema: z.ZodType<number | null>): Applier {
  return applier(
    'field',
    contactFieldValue(schema),
    (context, _key, value) => {
      const updated = cachedStatement(context.db, `UPDATE contacts SET ${column} = ?, updated_at = ? WHERE platform = ? AND external_id = ?`).run(
        value.value,
        context.now,
        value.platform,
        value.externalId,
      );
      if (updated.changes === 0) throw new UnappliableChange(`No contact ${value.externalId} on ${value.platform} here.`);
      context.touchEverything();
    },
    (_context, value) => `${value.platform}/${value.externalId}`,
  );
}

const epochMsOrNull = z.number().int().nonnegative().nullable();

export const CONTACT_APPLIERS: Record<string, Record<string, Applier>> = {
  contact: {
    isVip: contactField('is_vip', z.union([z.literal(0), z.literal(1)])),
    blockedAt: contactField('blocked_at', epochMsOrNull),
    mutedAt: contactField('muted_at', epochMsOrNull),
  },
};

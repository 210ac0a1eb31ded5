import { z } from 'zod';
import { method } from './method';

/** Today's exposure to hostile content: how many were revealed, against the person's daily budget. */
export type ShieldStatus = { revealedToday: number; budget: number; isOverBudget: boolean };

export const shieldContract = {
  'shield.status': method<ShieldStatus>()(z.strictObject({})),
  /** The person chose to read a shielded message: counted once per message per day, privately. */
  'shield.reveal': method<ShieldStatus>()(z.strictObject({ messageId: z.string().regex(/^\d+$/u, 'must be a message id') })),
};

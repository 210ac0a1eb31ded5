import { z } from 'zod';
import { scheduleSchema, type Schedule } from '../schedule/scheduleSchema';
import { method } from './method';

/** A connected account's business hours (a schedule like a person's), or null when none are set. */
export type AccountBusinessHours = { accountId: string; schedule: Schedule | null };

export const businessHoursContract = {
  /** The business hours of every connected account, in the accounts' order. */
  'accounts.businessHours': method<AccountBusinessHours[]>()(z.strictObject({})),
  /** Sets (or, with null, clears) one account's business hours: away replies and reports read them. */
  'accounts.setBusinessHours': method<AccountBusinessHours>()(z.strictObject({ accountId: z.string().min(1).max(64), schedule: scheduleSchema.nullable() })),
};

import { z } from 'zod';
import { scheduleSchema } from '../schedule/scheduleSchema';
import { method } from './method';
import { personName } from './team';

/** A signature is a sign-off line or two, not a letterhead. */
export const SIGNATURE_MAX = 500;

export type DutyOverride = { kind: 'off' | 'working'; endsAt: number };

/** Where the person stands now. With no schedule set, always on duty. */
export type DutyStatus = {
  isOnDuty: boolean;
  hasSchedule: boolean;
  /** When next on duty (now if on); null if never within 400 days. */
  nextOnAt: number | null;
  /** When next off duty (now if off); null if not within 400 days. */
  nextOffAt: number | null;
  override: DutyOverride | null;
  /** Names of the other people on duty now. */
  onDutyNow: string[];
  /** My schedule's zone, which its times are shown in; null without a schedule (this computer's then). */
  timeZone: string | null;
};

/** Where someone stands, without what only my own status says. */
export type DutyStanding = Omit<DutyStatus, 'onDutyNow' | 'timeZone'>;

export type MyProfile = {
  id: string;
  name: string;
  schedule: z.output<typeof scheduleSchema> | null;
  /** Urgent items may reach me off duty (default: no). */
  acceptsUrgentOffDuty: boolean;
  /** I receive urgent items when nobody is on duty. */
  isOnCall: boolean;
  /** My sign-off: templates insert it with `{{ me.signature }}`; empty until I set it. */
  signature: string;
};

export const dutyContract = {
  'duty.status': method<DutyStatus>()(z.strictObject({})),
  'duty.me': method<MyProfile>()(z.strictObject({})),
  /** Sets (or, with null, clears) my working hours. */
  'duty.setSchedule': method<MyProfile>()(z.strictObject({ schedule: scheduleSchema.nullable() })),
  /** Where I would stand now with these hours, before saving them ("you will be off duty now"). */
  'duty.previewSchedule': method<Pick<DutyStatus, 'isOnDuty' | 'nextOnAt'>>()(z.strictObject({ schedule: scheduleSchema.nullable() })),
  /** "I'm off now" (until the next scheduled start), "I'm working now" (logged as after hours), or back to the schedule. */
  'duty.override': method<DutyStatus>()(z.strictObject({ kind: z.enum(['off', 'working', 'clear']) })),
  /** "Peek anyway" while off duty: started, then ended; the ledger keeps its duration. */
  'duty.peekStart': method<{ peekId: number }>()(z.strictObject({})),
  'duty.peekEnd': method<{ durationMs: number }>()(z.strictObject({ peekId: z.number().int().positive() })),
  'duty.setPreferences': method<MyProfile>()(z.strictObject({ acceptsUrgentOffDuty: z.boolean().optional(), isOnCall: z.boolean().optional() })),
  /** Settings → Me: my name (templates' `me.first_name`, `me.name`) and my signature (`me.signature`); only the fields given change. */
  'me.update': method<MyProfile>()(z.strictObject({ name: personName.optional(), signature: z.string().trim().max(SIGNATURE_MAX).optional() })),
  /** What the dock, launcher and tray may show: the gate says 0 while off duty. */
  'notifications.badge': method<{ count: number }>()(z.strictObject({})),
};

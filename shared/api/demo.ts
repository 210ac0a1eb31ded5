import { z } from 'zod';
import { method } from './method';

export type DemoStatus = { isRunning: boolean; accountIds: string[] };

export const demoContract = {
  /** Creates the demo accounts if needed and starts the live trickle. */
  'demo.start': method<DemoStatus>()(
    z.strictObject({
      seed: z.number().int().min(0).max(2 ** 31).optional(),
      ratePerMinute: z.number().min(0).max(600).optional(),
    }),
  ),
  'demo.stop': method<DemoStatus>()(z.strictObject({})),
  /** Stops the demo and deletes the demo accounts with everything they brought. */
  'demo.remove': method<{ removedAccounts: number }>()(z.strictObject({})),
};

import type { z } from 'zod';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { graphTimeMs } from './graphTime';

/**
 * A Graph comment or message read through its schema, with its `created_time`; else why it
 * cannot be a message, named by `what` (`message: created_time is not a date (…)`).
 */
export function readDated<T extends { created_time: string }>(payload: unknown, schema: z.ZodType<T>, what: string): { value: T; createdAt: number } | { reason: string } {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { reason: `${what}: ${describeIssues(parsed.error)}` };
  const createdAt = graphTimeMs(parsed.data.created_time);
  if (createdAt === null) return { reason: `${what}: created_time is not a date (${parsed.data.created_time.slice(0, 40)})` };
  return { value: parsed.data, createdAt };
}

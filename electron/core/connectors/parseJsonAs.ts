import type { z } from 'zod';

/**
 * A JSON text read through a schema: what the connector stored itself (a sync cursor) or a
 * platform's header. Absent, not JSON or not the schema's shape all read as null, so a damaged
 * cursor restarts a pass and an unreadable header means "unknown" instead of failing the call.
 */
export function parseJsonAs<T>(value: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (value === undefined || value === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

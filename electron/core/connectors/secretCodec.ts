import type { z } from 'zod';
import { parseJsonAs } from './parseJsonAs';

/**
 * A connector's secret as the secret store keeps it: JSON, read back through its schema. A stored
 * value that is not one fails with `refusal` (what to do: reconnect), never quoting the value,
 * which holds tokens.
 */
export function secretCodec<T>(schema: z.ZodType<T>, refusal: string): { encode: (secret: T) => string; decode: (stored: string) => T } {
  return {
    encode: (secret) => JSON.stringify(secret),
    decode: (stored) => {
      const secret = parseJsonAs(stored, schema);
      if (secret === null) throw new Error(refusal);
      return secret;
    },
  };
}

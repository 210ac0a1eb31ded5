import { z } from 'zod';
import { ApiFailure } from '../../../shared/api/result';

/**
 * Page cursors are opaque to clients: base64url JSON of the last row's sort key. A cursor
 * that does not decode to the expected shape is the caller's mistake: invalid_input.
 */
export function encodeCursor(key: readonly (number | string)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ApiFailure('invalid_input', 'cursor: not a cursor this API returned');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiFailure('invalid_input', 'cursor: not a cursor this API returned');
  return parsed.data;
}

export const timeKeyCursor = z.tuple([z.number().int(), z.number().int()]);

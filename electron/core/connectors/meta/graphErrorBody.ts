import { z } from 'zod';

/**
 * Graph's error body, the same on graph.facebook.com and graph.instagram.com:
 * `{error: {message, type, code, error_subcode, error_user_msg, fbtrace_id}}`.
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
const graphErrorBody = z.object({
  error: z.object({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorDetail = z.output<typeof graphErrorBody>['error'];

/** Graph's error detail, or null for a body that is not Graph's (a proxy's HTML page, nothing). */
export function readGraphError(body: unknown): GraphErrorDetail | null {
  const parsed = graphErrorBody.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

/** Codes that mean "slow down": app (4), user (17), Page (32), API-specific (613) and the business-use-case limits (80001 and up; 80002 is Instagram's). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
export const isRateLimitCode = (code: number): boolean => RATE_LIMIT_CODES.has(code) || (code >= 80_001 && code <= 80_099);
/** Permission codes: (#10) and the (#200)–(#299) family. */
export const isPermissionCode = (code: number): boolean => code === 10 || (code >= 200 && code <= 299);
/** The Send API's "outside of allowed window" (code 10 with this subcode; Instagram also sends it as the code alone). */
export const OUTSIDE_WINDOW_SUBCODE = 2_018_278;
/** 100 with subcode 33: "Object with ID … does not exist, cannot be loaded due to missing permissions, or does not support this operation". */
export const MISSING_OBJECT_SUBCODE = 33;

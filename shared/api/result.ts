export const ERROR_CODES = ['invalid_input', 'unknown_method', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field an input was refused for: its path ("schedule.weekly.tue.1") and the core's English reason. */
export type InputIssue = { path: string; message: string };

/**
 * `reason`: a finer, stable key for failures the UI explains in the person's language (a refused
 * sign-in: `wrong_password`, `server_unreachable`…); `message` stays the core's English.
 * `issues` (invalid_input only): which fields were refused, for the UI to mark them in its own words.
 */
export type ApiError = { code: ErrorCode; message: string; reason?: string; issues?: InputIssue[] };

/** What every API call answers: never a thrown error across a process border. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, reason?: string): Result<never> => ({ ok: false, error: reason === undefined ? { code, message } : { code, message, reason } });

/** A failure a handler raises on purpose; the server turns it into `{ ok: false }` with its code. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

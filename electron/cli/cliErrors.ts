/** The command line was wrong (unknown command or option, bad value): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command ran and did not succeed (the core refused, the reply failed): exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

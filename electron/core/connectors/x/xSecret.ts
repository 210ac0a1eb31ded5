import { z } from 'zod';

/**
 * What an X account's secret holds: its OAuth tokens (the access token lasts two hours, the
 * refresh token is replaced at each refresh) and who the account is. Never logged.
 */
export const xSecretSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  /** Epoch ms; null: X did not say. */
  expiresAt: z.number().nullable(),
  userId: z.string().regex(/^[0-9]{1,19}$/u),
  username: z.string().min(1),
});
export type XSecret = z.output<typeof xSecretSchema>;

export const encodeXSecret = (secret: XSecret): string => JSON.stringify(secret);

export function decodeXSecret(secret: string): XSecret {
  try {
    return xSecretSchema.parse(JSON.parse(secret));
  } catch {
    // Never the value itself in the message: it holds tokens.
    throw new Error('The stored X secret is not an X sign-in: reconnect the account.');
  }
}

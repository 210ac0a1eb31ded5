import { z } from 'zod';
import { secretCodec } from '../secretCodec';

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

export const { encode: encodeXSecret, decode: decodeXSecret } = secretCodec(xSecretSchema, 'The stored X secret is not an X sign-in: reconnect the account.');

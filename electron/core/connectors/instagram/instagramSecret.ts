import { z } from 'zod';
import { secretCodec } from '../secretCodec';

/**
 * What an Instagram account's connector opens with (in the secret store only, never logged):
 * the long-lived Instagram User token, when it was issued (Meta refreshes only a token at least
 * 24 hours old) and when it ends (60 days), and who the account is.
 */
export const instagramSecretSchema = z.object({
  accessToken: z.string().min(1).max(4_096),
  issuedAt: z.number().int().min(0),
  expiresAt: z.number().int().min(0),
  userId: z.string().min(1).max(128),
  username: z.string().min(1).max(128),
});
export type InstagramSecret = z.output<typeof instagramSecretSchema>;

export const { encode: encodeInstagramSecret, decode: decodeInstagramSecret } = secretCodec(instagramSecretSchema, 'The stored Instagram secret is not JSON or is incomplete: reconnect the account.');

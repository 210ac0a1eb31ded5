import { z } from 'zod';

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

export function decodeInstagramSecret(secret: string): InstagramSecret {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    throw new Error('The stored Instagram secret is not JSON: reconnect the account.');
  }
  const result = instagramSecretSchema.safeParse(parsed);
  if (!result.success) throw new Error('The stored Instagram secret is incomplete: reconnect the account.');
  return result.data;
}

export const encodeInstagramSecret = (secret: InstagramSecret): string => JSON.stringify(secret);

import { z } from 'zod';
import { secretCodec } from '../secretCodec';

/**
 * What a Reddit account's connector opens with, kept only in the secret store: the tokens, when
 * the access token expires, and the app they were issued to (a refresh must name the same
 * client id, even if the person later saves another app in Settings).
 */
export const redditSecretSchema = z.object({
  v: z.literal(1),
  clientId: z.string().min(1).max(256),
  accessToken: z.string().min(1),
  /** Null after a password sign-in (a script app's own account): Reddit gives no refresh token then. */
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.number().int().nonnegative().nullable(),
  scope: z.string().nullable(),
});
export type RedditSecret = z.infer<typeof redditSecretSchema>;

export const encodeRedditSecret = (secret: RedditSecret): string => JSON.stringify(redditSecretSchema.parse(secret));

/** The stored secret, or an error that says it is not a Reddit sign-in (never what it holds). */
export const { decode: decodeRedditSecret } = secretCodec(redditSecretSchema, 'The stored Reddit sign-in is not JSON or is incomplete: sign in again.');

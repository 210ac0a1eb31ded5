import { z } from 'zod';
import { secretCodec } from '../secretCodec';

/**
 * What a Facebook Page account's secret holds: the Page token (which does not expire when it comes
 * from a long-lived user token), the tasks the person may do on the Page (what Pieuvre offers
 * follows them), and the long-lived user token it came from, kept to ask for a new Page token
 * when Meta invalidates the old one, until that user token itself expires (about 60 days).
 */
export const facebookSecretSchema = z.object({
  pageId: z.string().min(1),
  pageName: z.string(),
  pageToken: z.string().min(1),
  tasks: z.array(z.string()),
  userToken: z.string().min(1).nullable(),
  userTokenExpiresAt: z.number().nullable(),
});
export type FacebookSecret = z.output<typeof facebookSecretSchema>;

export const { encode: encodeFacebookSecret, decode: decodeFacebookSecret } = secretCodec(facebookSecretSchema, 'The stored Facebook secret is not a Page’s tokens: reconnect the account.');

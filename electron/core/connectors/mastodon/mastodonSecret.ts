import { z } from 'zod';

/** What a Mastodon account's secret holds: where its server is and the token it gave. */
export const mastodonSecretSchema = z.object({ server: z.string().url(), accessToken: z.string().min(1) });
export type MastodonSecret = z.output<typeof mastodonSecretSchema>;

export const encodeMastodonSecret = (secret: MastodonSecret): string => JSON.stringify(secret);

export function decodeMastodonSecret(secret: string): MastodonSecret {
  try {
    return mastodonSecretSchema.parse(JSON.parse(secret));
  } catch {
    // Never the value itself in the message: it is a token.
    throw new Error('The stored Mastodon secret is not {server, accessToken}: reconnect the account.');
  }
}

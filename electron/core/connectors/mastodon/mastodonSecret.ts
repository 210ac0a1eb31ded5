import { z } from 'zod';
import { secretCodec } from '../secretCodec';

/** What a Mastodon account's secret holds: where its server is and the token it gave. */
export const mastodonSecretSchema = z.object({ server: z.string().url(), accessToken: z.string().min(1) });
export type MastodonSecret = z.output<typeof mastodonSecretSchema>;

export const { encode: encodeMastodonSecret, decode: decodeMastodonSecret } = secretCodec(mastodonSecretSchema, 'The stored Mastodon secret is not {server, accessToken}: reconnect the account.');

import { z } from 'zod';
import { secretCodec } from '../secretCodec';

/**
 * What a YouTube account's secret holds: its channel and Google's tokens. Google's access token
 * lasts an hour; the refresh token lasts until the person revokes it (or 7 days while the app's
 * consent screen is in "Testing").
 */
export const youtubeSecretSchema = z.object({
  channelId: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.number().nullable(),
});
export type YoutubeSecret = z.output<typeof youtubeSecretSchema>;

export const { encode: encodeYoutubeSecret, decode: decodeYoutubeSecret } = secretCodec(youtubeSecretSchema, 'The stored YouTube secret is not {channelId, accessToken, refreshToken, expiresAt}: reconnect the account.');

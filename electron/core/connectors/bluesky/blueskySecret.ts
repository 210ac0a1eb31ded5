import { z } from 'zod';

/**
 * What the secret store keeps for a Bluesky account, as JSON. The app password is kept beside the
 * session on purpose: a refresh token lives about 90 days and is single-use, so a Pieuvre left
 * closed for three months (or a refresh lost in a crash between the server's rotation and our
 * save) would otherwise force a reconnect. The app password is revocable on its own, cannot
 * change the account's settings, and lives only in the encrypted secret store; a revoked one
 * fails the new sign-in too, which is then reported as `auth`.
 */
export const blueskySecretSchema = z.object({
  /** The account's PDS, where every call goes (app.bsky.* is proxied to the AppView by it). */
  service: z.string().regex(/^https?:\/\//),
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string(),
  refreshJwt: z.string(),
  appPassword: z.string(),
});
export type BlueskySecret = z.output<typeof blueskySecretSchema>;

/** The session fields of com.atproto.server.createSession and refreshSession. */
export const blueskySessionSchema = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string(),
  refreshJwt: z.string(),
});

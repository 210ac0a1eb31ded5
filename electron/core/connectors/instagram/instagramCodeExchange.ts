import { z } from 'zod';
import { ConnectorError } from '../connector';
import type { OAuthContext, OAuthTokens } from '../oauth/oauthProvider';
import { fetchAnswer } from '../fetchAnswer';

/** A short-lived Instagram User token lasts one hour (Business Login for Instagram, step 2). */
const SHORT_LIVED_MS = 3_600_000;

// Business Login's step 2 answers `{data: [{access_token, user_id, permissions}]}`; some answers
// come unwrapped. Neither has the `token_type` OAuth 2 requires, so the shared runner cannot read it.
const grantSchema = z.object({ access_token: z.string().min(1).max(4_096), user_id: z.union([z.string(), z.number()]).optional(), permissions: z.union([z.string(), z.array(z.string())]).optional() });
const answerSchema = z.union([z.object({ data: z.array(grantSchema).min(1) }), grantSchema]);
const refusalSchema = z.object({ error_message: z.string().max(1_000), error_type: z.string().optional() });

/**
 * `POST api.instagram.com/oauth/access_token` with the app's id and secret in the form (no PKCE:
 * Instagram has none). A refusal (a used or expired code, a redirect address that differs, a
 * wrong secret) says Instagram's words and is the sign-in's `auth` problem: sign in again.
 */
export async function exchangeInstagramCode(tokenEndpoint: string, request: { code: string; redirectUri: string }, context: OAuthContext): Promise<OAuthTokens> {
  if (context.app.clientSecret === null) throw new ConnectorError('Instagram needs the app secret of your Meta app (Instagram → API setup with Instagram login) to sign in.', 'permanent');
  const form = new URLSearchParams({ client_id: context.app.clientId, client_secret: context.app.clientSecret, grant_type: 'authorization_code', redirect_uri: request.redirectUri, code: request.code });
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const { status, body } = await fetchAnswer(context.fetch, tokenEndpoint, { method: 'POST', headers, body: form, signal: context.signal, host: new URL(tokenEndpoint).origin });
  if (status < 200 || status >= 300) {
    const refusal = refusalSchema.safeParse(body);
    if (status >= 500) throw new ConnectorError(`Instagram's sign-in service failed (HTTP ${status}).`, 'transient');
    throw new ConnectorError(`Instagram refused the sign-in (${refusal.success ? refusal.data.error_message : `HTTP ${status}`}). Sign in again.`, 'auth');
  }
  const answer = answerSchema.safeParse(body);
  if (!answer.success) throw new ConnectorError('Instagram’s sign-in answer had no token.', 'permanent');
  const grant = 'data' in answer.data ? answer.data.data[0] : answer.data;
  if (grant === undefined) throw new ConnectorError('Instagram’s sign-in answer had no token.', 'permanent');
  const scope = Array.isArray(grant.permissions) ? grant.permissions.join(',') : (grant.permissions ?? null);
  return { accessToken: grant.access_token, refreshToken: null, expiresAt: context.now() + SHORT_LIVED_MS, scope };
}

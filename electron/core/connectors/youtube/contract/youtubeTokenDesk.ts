import { createHash, randomBytes } from 'node:crypto';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';

/** The person's own Google app in tests: a Desktop client id and its (not secret) secret. */
export const TEST_APP = { clientId: '1234567890-desktop.apps.googleusercontent.com', clientSecret: 'GOCSPX-test-desktop-secret' } as const;

const ACCESS_TOKEN_SECONDS = 3599;
const id = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`;

/**
 * Google's consent page and token endpoint as https://developers.google.com/identity/protocols/oauth2/native-app
 * describes them: a code for a PKCE challenge and a loopback redirect, exchanged once with its
 * verifier; access tokens for an hour, a refresh token that lasts until revoked, and Google's
 * error bodies (`invalid_grant` "Token has been expired or revoked.", `invalid_client`).
 */
export class YoutubeTokenDesk {
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  private readonly accessTokens = new Set<string>();
  private readonly refreshTokens = new Set<string>();
  /** Refresh grants the token endpoint answered. */
  refreshes = 0;

  /** A token pair as if the person had signed in already: what a test's account opens with. */
  issue(): { accessToken: string; refreshToken: string } {
    const accessToken = id('ya29.');
    const refreshToken = id('1//0g');
    this.accessTokens.add(accessToken);
    this.refreshTokens.add(refreshToken);
    return { accessToken, refreshToken };
  }

  isValid(authorization: string | undefined): boolean {
    return authorization !== undefined && this.accessTokens.has(authorization.replace(/^Bearer /u, ''));
  }

  /** Every access token given so far dies (its hour is over): calls answer 401 until refreshed. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** The person removed the app from their Google account: refreshing is refused. */
  revoke(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  consent(request: RecordedRequest, redirect: (request: RecordedRequest, code: string) => RecordedResponse): RecordedResponse {
    const { query } = request;
    if (query.get('client_id') !== TEST_APP.clientId) return { status: 401, headers: { 'content-type': 'text/html' }, body: '<p>Error 401: invalid_client. The OAuth client was not found.</p>' };
    if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
      return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>Error 400: invalid_request. Missing required parameter: code_challenge</p>' };
    }
    const code = id('4/0A');
    this.codes.set(code, { challenge: query.get('code_challenge')!, redirectUri: query.get('redirect_uri') ?? '' });
    return redirect(request, code);
  }

  token(request: RecordedRequest): RecordedResponse {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (form.client_id !== TEST_APP.clientId || form.client_secret !== TEST_APP.clientSecret) return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    if (form.grant_type === 'authorization_code') return this.exchange(form);
    if (form.grant_type === 'refresh_token') {
      if (!this.refreshTokens.has(form.refresh_token ?? '')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      this.refreshes += 1;
      return { body: this.accessAnswer() };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${form.grant_type ?? ''}` } };
  }

  private exchange(form: Record<string, string | undefined>): RecordedResponse {
    const pending = this.codes.get(form.code ?? '');
    this.codes.delete(form.code ?? '');
    if (!pending || pending.redirectUri !== form.redirect_uri) return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
    const challenge = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
    if (challenge !== pending.challenge) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } };
    const refreshToken = id('1//0g');
    this.refreshTokens.add(refreshToken);
    return { body: { ...this.accessAnswer(), refresh_token: refreshToken } };
  }

  private accessAnswer() {
    const accessToken = id('ya29.');
    this.accessTokens.add(accessToken);
    return { access_token: accessToken, expires_in: ACCESS_TOKEN_SECONDS, scope: 'https://www.googleapis.com/auth/youtube.force-ssl', token_type: 'Bearer' };
  }
}

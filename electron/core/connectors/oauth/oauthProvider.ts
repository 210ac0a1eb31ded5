import type { OAuthPlatform } from '../../../../shared/domain/platform';
import type { ConnectorFactory, PlatformAppCredentials } from '../connector';
import type { SignedIn } from '../signIn';

/** What a token endpoint gave: `expiresAt` in epoch ms, null when the token does not expire (a Facebook Page token). */
export type OAuthTokens = { accessToken: string; refreshToken: string | null; expiresAt: number | null; scope: string | null };

export type OAuthContext = { app: PlatformAppCredentials; fetch: typeof fetch; signal: AbortSignal; now: () => number };

/**
 * One wave-2 platform's OAuth sign-in, as the shared loopback flow (oauthSignIns.ts) runs it:
 * the person's browser opens `authorizationEndpoint`, comes back to a one-shot listener on
 * 127.0.0.1, the code is exchanged at `tokenEndpoint`, then `signedIn` turns the tokens into the
 * accounts they give (a long-lived token exchange, each Facebook Page, the YouTube channel).
 */
export type OAuthProvider = {
  platform: OAuthPlatform;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: readonly string[];
  /** Meta joins scopes with commas; the OAuth standard (Google, X, Reddit) with spaces. */
  scopeSeparator: ' ' | ',';
  /** S256 PKCE where the platform takes it (Google, X, Reddit); Meta's manual flow has none. */
  usesPkce: boolean;
  /** How the app proves itself at the token endpoint: X's public client sends only its id; Reddit uses HTTP Basic. */
  clientAuthentication: 'none' | 'client_secret_basic' | 'client_secret_post';
  /** The loopback redirect: port 0 lets the system choose (Google, Meta in Development mode); X and Reddit need the exact registered address. */
  redirect: { port: number; path: string };
  /** Anything else the authorize URL needs (Google's `access_type=offline`, Reddit's `duration=permanent`). */
  extraAuthorizationParams: Readonly<Record<string, string>>;
  /**
   * Only for a token endpoint that does not answer as OAuth 2 says (Instagram's wraps the token
   * in `data` and has no `token_type`): the provider exchanges the code itself. Absent: the
   * shared runner does it (oauth4webapi, RFC 6749 §4.1.3).
   */
  exchangeCode?(request: { code: string; redirectUri: string; codeVerifier: string | null }, context: OAuthContext): Promise<OAuthTokens>;
  /** The accounts these tokens give; each SignedIn's `secret` is what that account's connector opens with. */
  signedIn(tokens: OAuthTokens, context: OAuthContext): Promise<SignedIn[]>;
};

/**
 * A wave-2 platform as the app wires it: its sign-in and its connector. `origin` null: the
 * platform's real hosts; a loopback origin: one local contract server standing for every host of
 * the platform (tests and the harness; see platformOrigins.ts).
 */
export type WavePlatform = {
  platform: OAuthPlatform;
  provider(origin: string | null): OAuthProvider;
  factory(origin: string | null): ConnectorFactory;
};

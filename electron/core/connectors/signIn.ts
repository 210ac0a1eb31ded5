import type { PendingSignIn } from '../../../shared/api/accounts';
import type { Platform } from '../../../shared/domain/platform';

/**
 * What a finished sign-in hands to the accounts service: who the account is on its platform and
 * the secret its connector will be built with (a session, a token), which goes straight to the
 * secret store and nowhere else.
 */
export type SignedIn = {
  platform: Platform;
  /** Global on the platform: a DID, a Mastodon account's URI. */
  externalId: string;
  handle: string;
  name: string;
  server: string | null;
  secret: string;
};

/**
 * Why a sign-in was refused, as a stable key the UI explains in the person's language
 * (ApiFailure's `reason`); the message stays the core's English, for the log and the command line.
 */
export const SIGN_IN_REFUSALS = [
  'wrong_password',
  'unknown_account',
  'server_unreachable',
  'not_a_server',
  'denied',
  'expired',
  'state_mismatch',
  'rate_limited',
  'account_suspended',
  /** A wave-2 platform: the person's own app on it (its client id) is not set up yet. */
  'app_not_set',
  /** Reddit's script app: its client id and secret, the username or the password were refused. */
  'script_refused',
  /**
   * A wave-2 platform refused the sign-in's last steps, after the browser's consent: the code's
   * exchange (a wrong app secret, a code already used) or reading the accounts. Its words follow.
   */
  'platform_refused',
] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

/** A Mastodon-style sign-in that waits for the person's browser (OAuth code with PKCE). */
export interface BrowserSignIns {
  start(server: string): Promise<PendingSignIn>;
  /** Waits for the loopback redirect, or takes the code the person pasted. */
  finish(signInId: string, code?: string): Promise<SignedIn>;
  /** Takes the code the server showed for the out-of-band address a `start` gave, even one made by another process. */
  finishOutOfBand(server: string, code: string): Promise<SignedIn>;
  cancel(signInId: string): void;
  /** Ends every pending sign-in and its loopback listener. */
  close(): void;
}

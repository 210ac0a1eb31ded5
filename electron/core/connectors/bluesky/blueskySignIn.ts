import { Agent, XRPCError } from '@atproto/api';
import { ApiFailure } from '../../../../shared/api/result';
import type { SignedIn, SignInRefusal } from '../signIn';
import { blueskyError } from './blueskyErrors';
import { resolvePds, UnknownIdentityError } from './blueskyResolve';
import { blueskySessionSchema, type BlueskySecret } from './blueskySecret';
import { withTimeout } from './blueskySession';

export type BlueskySignInInput = { identifier: string; appPassword: string; server?: string };

/**
 * Signs in with a handle (or DID) and an app password: finds the account's server (the one the
 * person named, for a self-hosted PDS, or the one its DID document names), opens a session
 * (com.atproto.server.createSession) and returns it as the account's secret. A refusal is an
 * ApiFailure whose `reason` the UI explains.
 */
export async function signInToBluesky(input: BlueskySignInInput, io: { fetch: typeof fetch; signal: AbortSignal }): Promise<SignedIn> {
  const identifier = input.identifier.trim().replace(/^@/, '').toLowerCase();
  const server = input.server?.trim() ? serverUrl(input.server) : null;
  try {
    const service = server ?? (await resolvePds(identifier, io)).service;
    const agent = new Agent({ service, fetch: io.fetch });
    const call = { signal: withTimeout(io.signal) };
    if (server !== null && !identifier.startsWith('did:')) await agent.com.atproto.identity.resolveHandle({ handle: identifier }, call);
    const { data } = await agent.com.atproto.server.createSession({ identifier, password: input.appPassword }, call);
    const session = blueskySessionSchema.parse(data);
    const secret: BlueskySecret = { service, ...session, appPassword: input.appPassword };
    const authed = new Agent({ service, fetch: io.fetch, headers: { authorization: `Bearer ${session.accessJwt}` } });
    const profile = await authed.app.bsky.actor.getProfile({ actor: session.did }, call).catch(() => null);
    return { platform: 'bluesky', externalId: session.did, handle: session.handle, name: profile?.data.displayName?.trim() || session.handle, server: service, secret: JSON.stringify(secret) };
  } catch (error) {
    throw refusal(error);
  }
}

function serverUrl(server: string): string {
  const url = /^https?:\/\//i.test(server) ? server : `https://${server}`;
  try {
    return new URL(url).origin;
  } catch {
    throw new ApiFailure('invalid_input', `server: ${server} is not a server address.`, 'not_a_server' satisfies SignInRefusal);
  }
}

function refusal(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const fail = (code: 'invalid_input' | 'unavailable', message: string, reason: SignInRefusal) => new ApiFailure(code, message, reason);
  if (error instanceof UnknownIdentityError) return fail('invalid_input', error.message, 'unknown_account');
  if (error instanceof XRPCError && error.status > 1) {
    if (error.error === 'AccountTakedown') return fail('invalid_input', 'Bluesky: this account is taken down or suspended.', 'account_suspended');
    if (error.status === 401) return fail('invalid_input', 'Bluesky refused the handle and app password together: check the app password.', 'wrong_password');
    if (error.status === 429) return fail('unavailable', 'Bluesky: too many sign-in attempts; try again in a few minutes.', 'rate_limited');
    if (error.status === 400 && /resolve handle|handle/i.test(error.message)) return fail('invalid_input', 'Bluesky: no account on this server has that handle.', 'unknown_account');
    if (error.status === 404) return fail('invalid_input', 'This address does not answer as a Bluesky server.', 'not_a_server');
  }
  const cause = blueskyError(error, 'signing in', Date.now());
  if (cause.kind === 'rate_limited') return fail('unavailable', cause.message, 'rate_limited');
  if (cause.kind === 'permanent') return fail('invalid_input', cause.message, 'not_a_server');
  return fail('unavailable', `${cause.message}. Check the address and the connection.`, 'server_unreachable');
}

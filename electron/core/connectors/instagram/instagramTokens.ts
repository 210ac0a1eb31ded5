import { z } from 'zod';
import { ConnectorError } from '../connector';
import { graphFailure } from './graphError';
import { fetchAnswer } from '../fetchAnswer';

/**
 * Instagram's long-lived tokens are not OAuth refresh tokens: the token itself is exchanged
 * (`ig_exchange_token`, with the app secret) and later renewed (`ig_refresh_token`, no secret),
 * both by GET on graph.instagram.com, unversioned as the Access Token and Refresh Access Token
 * references show them.
 */
const longLivedSchema = z.object({ access_token: z.string().min(1).max(4_096), token_type: z.string().optional(), expires_in: z.number().int().positive() });
export type LongLivedToken = { accessToken: string; expiresAt: number; issuedAt: number };

export type TokenCall = { graph: string; fetch: typeof fetch; now: () => number; signal: AbortSignal };

/** A short-lived token (1 hour) for a long-lived one (60 days). */
export function exchangeForLongLived(call: TokenCall, shortLived: string, clientSecret: string): Promise<LongLivedToken> {
  return tokenGet(call, '/access_token', { grant_type: 'ig_exchange_token', client_secret: clientSecret, access_token: shortLived });
}

/** A long-lived token at least 24 hours old and not expired, for a new one valid 60 days from now. */
export function refreshLongLived(call: TokenCall, longLived: string): Promise<LongLivedToken> {
  return tokenGet(call, '/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: longLived });
}

async function tokenGet(call: TokenCall, path: string, query: Record<string, string>): Promise<LongLivedToken> {
  const url = new URL(path, call.graph);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const { status, headers, body } = await fetchAnswer(call.fetch, url, { headers: { accept: 'application/json' }, signal: call.signal, host: call.graph });
  if (status < 200 || status >= 300) throw graphFailure(status, headers, body, `GET ${path}`, call.now());
  const parsed = longLivedSchema.safeParse(body);
  if (!parsed.success) throw new ConnectorError(`Instagram answered ${path} without a token.`, 'transient');
  const issuedAt = call.now();
  return { accessToken: parsed.data.access_token, issuedAt, expiresAt: issuedAt + parsed.data.expires_in * 1000 };
}

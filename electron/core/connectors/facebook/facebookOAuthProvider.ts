import { z } from 'zod';
import { ApiFailure } from '../../../../shared/api/result';
import { ConnectorError } from '../connector';
import type { OAuthContext, OAuthProvider, OAuthTokens } from '../oauth/oauthProvider';
import type { SignedIn } from '../signIn';
import { encodeFacebookSecret } from './facebookSecret';
import { GraphHttp, unexpectedAnswer } from './graphHttp';
import { graphPages } from './graphPages';
import type { PageGraph } from './pageSession';
import { GRAPH_VERSION, graphOrigins } from './graphVersion';

/**
 * The permissions the Page inbox needs: list the Pages, read their posts and what people write on
 * them, answer and moderate comments, read and answer Messenger (Meta's Pages and Messenger
 * permission references).
 */
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content', 'pages_manage_engagement', 'pages_manage_metadata', 'pages_messaging'] as const;

/**
 * The loopback address to register in the Meta app's "Valid OAuth Redirect URIs": Meta matches
 * redirect URIs exactly and accepts plain http to a local address only while the app is in
 * Development mode, so the port is fixed.
 */
export const FACEBOOK_REDIRECT = { port: 53_682, path: '/facebook/callback' } as const;

const exchangedSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const pageSchema = z.object({ id: z.string().min(1), name: z.string().default(''), access_token: z.string().min(1), tasks: z.array(z.string()).default([]) });

/**
 * Facebook Login through the person's own Meta app (Development mode: no App Review for the Pages
 * they administer). The code comes back to the loopback listener and is exchanged with the app
 * secret; `signedIn` turns the short-lived user token into a long-lived one
 * (`grant_type=fb_exchange_token`), then lists the Pages it manages (`/me/accounts`): one account
 * per Page, each with its own Page token (which does not expire).
 */
export function facebookOAuthProvider(origin: string | null): OAuthProvider {
  const hosts = graphOrigins(origin);
  return {
    platform: 'facebook',
    authorizationEndpoint: `${hosts.www}/${GRAPH_VERSION}/dialog/oauth`,
    tokenEndpoint: `${hosts.graph}/${GRAPH_VERSION}/oauth/access_token`,
    scopes: FACEBOOK_SCOPES,
    scopeSeparator: ',',
    usesPkce: false,
    clientAuthentication: 'client_secret_post',
    redirect: FACEBOOK_REDIRECT,
    extraAuthorizationParams: {},
    exchangeCode: (request, context) => exchangeCodeAtGraph(hosts.graph, request, context),
    signedIn: (tokens, context) => signedInPages(hosts.graph, tokens, context),
  };
}

/**
 * The code exchanged as Meta's manual login flow documents it (`GET /oauth/access_token` with the
 * app's id and secret), not through the shared OAuth client: Meta answers errors in Graph's own
 * body (`{error: {message, code}}`), not RFC 6749's, and its words are what the person needs.
 */
async function exchangeCodeAtGraph(graphOrigin: string, request: { code: string; redirectUri: string }, context: OAuthContext): Promise<OAuthTokens> {
  const http = new GraphHttp({ origin: graphOrigin, fetch: context.fetch, now: context.now });
  const secret = appSecret(context);
  const what = 'exchanging the sign-in code';
  const body = exchangedSchema.safeParse(
    await http.call({ path: '/oauth/access_token', query: { client_id: context.app.clientId, client_secret: secret, redirect_uri: request.redirectUri, code: request.code }, token: null, signal: context.signal, what }),
  );
  if (!body.success) throw unexpectedAnswer(what);
  return { accessToken: body.data.access_token, refreshToken: null, expiresAt: body.data.expires_in === undefined ? null : context.now() + body.data.expires_in * 1000, scope: null };
}

function appSecret(context: OAuthContext): string {
  if (context.app.clientSecret === null) throw new ConnectorError('A Meta app’s secret is needed to sign in to Facebook: add it with the App ID.', 'permanent');
  return context.app.clientSecret;
}

async function signedInPages(graphOrigin: string, tokens: OAuthTokens, context: OAuthContext): Promise<SignedIn[]> {
  const http = new GraphHttp({ origin: graphOrigin, fetch: context.fetch, now: context.now });
  const exchanged = exchangedSchema.safeParse(
    await http.call({
      path: '/oauth/access_token',
      query: { grant_type: 'fb_exchange_token', client_id: context.app.clientId, client_secret: appSecret(context), fb_exchange_token: tokens.accessToken },
      token: null,
      signal: context.signal,
      what: 'exchanging for a long-lived token',
    }),
  );
  if (!exchanged.success) throw unexpectedAnswer('exchanging for a long-lived token');
  const userToken = exchanged.data.access_token;
  const userTokenExpiresAt = exchanged.data.expires_in === undefined ? null : context.now() + exchanged.data.expires_in * 1000;
  const pages: SignedIn[] = [];
  const asUser: PageGraph = { call: (call) => http.call({ ...call, token: userToken }) };
  for await (const list of graphPages(asUser, { path: '/me/accounts', query: { fields: 'id,name,access_token,tasks', limit: '100' }, signal: context.signal, what: 'listing the Pages you manage' })) {
    for (const payload of list) {
      const page = pageSchema.safeParse(payload);
      if (!page.success) continue;
      const secret = encodeFacebookSecret({ pageId: page.data.id, pageName: page.data.name, pageToken: page.data.access_token, tasks: page.data.tasks, userToken, userTokenExpiresAt });
      pages.push({ platform: 'facebook', externalId: page.data.id, handle: page.data.name || page.data.id, name: page.data.name || page.data.id, server: null, secret });
    }
  }
  if (pages.length === 0) throw new ApiFailure('not_found', 'This Facebook account shared no Page with your Meta app: sign in again and choose your Pages when Facebook asks.', 'unknown_account');
  return pages;
}

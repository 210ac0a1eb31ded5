import { ConnectorError } from '../connector';
import type { OAuthProvider } from '../oauth/oauthProvider';
import type { SignedIn } from '../signIn';
import { exchangeInstagramCode } from './instagramCodeExchange';
import { meSchema } from './instagramEntities';
import { graphPath, instagramHosts } from './instagramHosts';
import { InstagramHttp } from './instagramHttp';
import { encodeInstagramSecret } from './instagramSecret';
import { exchangeForLongLived } from './instagramTokens';

/** The loopback address to register as a Valid OAuth Redirect URI in the Meta app (Instagram → Business login settings): Meta matches it exactly, so its port is fixed. */
export const INSTAGRAM_REDIRECT = { port: 8793, path: '/instagram/callback' } as const;

/**
 * Business Login for Instagram: consent at www.instagram.com, the code exchanged at
 * api.instagram.com for a one-hour token (app secret in the form, no PKCE), which `signedIn`
 * exchanges at once for the 60-day token the connector keeps, then names the account.
 */
export function instagramOAuthProvider(origin: string | null): OAuthProvider {
  const hosts = instagramHosts(origin);
  return {
    platform: 'instagram',
    authorizationEndpoint: `${hosts.www}/oauth/authorize`,
    tokenEndpoint: `${hosts.api}/oauth/access_token`,
    scopes: ['instagram_business_basic', 'instagram_business_manage_comments', 'instagram_business_manage_messages'],
    scopeSeparator: ',',
    usesPkce: false,
    clientAuthentication: 'client_secret_post',
    // A contract server checks no registration: any free loopback port will do there.
    redirect: origin === null ? INSTAGRAM_REDIRECT : { ...INSTAGRAM_REDIRECT, port: 0 },
    // As the App Dashboard's embed URL has them: Instagram's own login, not Facebook's, asked every time.
    extraAuthorizationParams: { enable_fb_login: '0', force_authentication: '1' },
    exchangeCode: (request, context) => exchangeInstagramCode(`${hosts.api}/oauth/access_token`, request, context),
    async signedIn(tokens, context): Promise<SignedIn[]> {
      const clientSecret = context.app.clientSecret;
      if (clientSecret === null) throw new ConnectorError('Instagram needs the app secret of your Meta app (Instagram → API setup with Instagram login) to keep the account connected.', 'permanent');
      const call = { graph: hosts.graph, fetch: context.fetch, now: context.now, signal: context.signal };
      const long = await exchangeForLongLived(call, tokens.accessToken, clientSecret);
      const http = new InstagramHttp({ origin: hosts.graph, fetch: context.fetch, now: context.now, token: () => long.accessToken, renew: () => Promise.resolve(false) });
      const me = meSchema.safeParse(await http.call({ path: graphPath('/me'), query: { fields: 'user_id,username,name' }, signal: context.signal }));
      if (!me.success) throw new ConnectorError('Instagram did not say which account signed in.', 'transient');
      const userId = me.data.user_id ?? me.data.id;
      const secret = encodeInstagramSecret({ ...long, userId, username: me.data.username });
      return [{ platform: 'instagram', externalId: userId, handle: me.data.username, name: me.data.name ?? me.data.username, server: null, secret }];
    },
  };
}

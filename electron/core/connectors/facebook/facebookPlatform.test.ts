import { describe, expect, it } from 'vitest';
import { facebookPlatform } from './facebookPlatform';

describe('Facebook as the app wires it', () => {
  it('signs in on Meta’s own hosts at the pinned version, with the fixed loopback address the Meta app registers, and no PKCE (Meta’s manual flow has none)', () => {
    const provider = facebookPlatform.provider(null);
    expect(provider).toMatchObject({
      platform: 'facebook',
      authorizationEndpoint: 'https://www.facebook.com/v26.0/dialog/oauth',
      tokenEndpoint: 'https://graph.facebook.com/v26.0/oauth/access_token',
      scopeSeparator: ',',
      usesPkce: false,
      redirect: { port: 53_682, path: '/facebook/callback' },
    });
    expect(facebookPlatform.provider('http://127.0.0.1:4100').tokenEndpoint).toBe('http://127.0.0.1:4100/v26.0/oauth/access_token');
    expect(facebookPlatform.factory(null).platform).toBe('facebook');
  });

  it('refuses a stored secret that is not a Page’s tokens, without repeating it', () => {
    const open = () => facebookPlatform.factory(null).open({ id: 'a', platform: 'facebook', externalId: 'p', handle: 'p', server: null }, '{"token":"s3cr3t"}', { fetch, now: Date.now, saveSecret: async () => {}, app: null, usage: { add: () => {}, spent: () => 0, monthlyBudget: () => null } });
    expect(open).toThrow(/reconnect the account/u);
    expect(open).not.toThrow(/s3cr3t/u);
  });
});

import { describe, expect, it } from 'vitest';
import { serverOrigin } from './serverAddress';

describe('serverOrigin', () => {
  it('takes an address as people type it: a host, a page of the server, a handle', () => {
    expect(serverOrigin(' mastodon.social ')).toBe('https://mastodon.social');
    expect(serverOrigin('https://Mastodon.Social/@brulerie')).toBe('https://mastodon.social');
    expect(serverOrigin('@brulerie@piaille.fr')).toBe('https://piaille.fr');
    expect(serverOrigin('brulerie@piaille.fr')).toBe('https://piaille.fr');
    expect(serverOrigin('http://127.0.0.1:8001')).toBe('http://127.0.0.1:8001');
    expect(serverOrigin('http://localhost:8001')).toBe('http://localhost:8001');
  });

  it('refuses what is not a server, and http to another machine, saying why', () => {
    for (const [typed, why] of [
      ['http://mastodon.social', 'only https'],
      ['ftp://mastodon.social', 'ftp: is not a web address'],
      ['mastodon', 'no host name'],
      ['two words.social', 'not a web address'],
      ['https://user:pw@mastodon.social', 'user name or password'],
    ] as const) {
      expect(() => serverOrigin(typed), typed).toThrow(expect.objectContaining({ code: 'invalid_input', reason: 'not_a_server', message: expect.stringContaining(why) }));
    }
  });
});

import { ApiFailure } from '../../../../shared/api/result';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origin of a Mastodon server as a person types it: `mastodon.social`,
 * `https://mastodon.social/@brand`, or their handle `@brand@mastodon.social`. Only https leaves
 * this machine (a token must not cross the network in clear); http is for a server on it.
 */
export function serverOrigin(typed: string): string {
  const trimmed = typed.trim();
  // A handle: the server is what follows the last @.
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(trimmed);
  const address = handle?.[1] ?? trimmed;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`);
  } catch {
    throw refuse(typed, 'it is not a web address');
  }
  if (url.username || url.password) throw refuse(typed, 'it holds a user name or password');
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(url.hostname) || (!url.hostname.includes('.') && !LOOPBACK.has(url.hostname))) throw refuse(typed, 'it has no host name');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw refuse(typed, 'only https is allowed for a server on another machine');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse(typed, `${url.protocol} is not a web address`);
  return url.origin;
}

function refuse(typed: string, why: string): ApiFailure {
  return new ApiFailure('invalid_input', `"${typed.slice(0, 80)}" is not a Mastodon server's address: ${why}.`, 'not_a_server');
}

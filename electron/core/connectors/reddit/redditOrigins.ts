/**
 * Reddit's hosts: sign-in and tokens at www.reddit.com, the API at oauth.reddit.com. A contract
 * server (a loopback origin) stands for both.
 */
export function redditOrigins(origin: string | null): { web: string; api: string } {
  return origin === null ? { web: 'https://www.reddit.com', api: 'https://oauth.reddit.com' } : { web: origin, api: origin };
}

/** Reddit requires a unique, descriptive User-Agent naming the app and its developer's account. */
export const redditUserAgent = (username: string): string => `desktop:app.pieuvre:0.1.0 (by /u/${username})`;

/** fetch that names the app to Reddit on every request, the token endpoint's included. */
export function withUserAgent(fetcher: typeof fetch, userAgent: string): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('user-agent', userAgent);
    return fetcher(input, { ...init, headers });
  };
}

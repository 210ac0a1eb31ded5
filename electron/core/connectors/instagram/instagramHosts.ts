/**
 * The Instagram API with Instagram Login, pinned to one Graph version: every path the connector
 * and the contract server use is built from it, so an upgrade is this one line (and the
 * contract server's reference check, docs/platforms/instagram.md).
 */
export const INSTAGRAM_API_VERSION = 'v25.0';

/** Where each part of the platform lives: the Graph API, the token exchange and the consent page. */
export type InstagramHosts = { graph: string; api: string; www: string };

/**
 * The real hosts, or one loopback contract server standing for all three (platformOrigins.ts):
 * `graph.instagram.com` (API, long-lived token, refresh), `api.instagram.com` (code exchange),
 * `www.instagram.com` (the consent page of Business Login for Instagram).
 */
export function instagramHosts(origin: string | null): InstagramHosts {
  if (origin !== null) return { graph: origin, api: origin, www: origin };
  return { graph: 'https://graph.instagram.com', api: 'https://api.instagram.com', www: 'https://www.instagram.com' };
}

/** A versioned Graph path: `/v25.0/me/media`. */
export const graphPath = (path: string): string => `/${INSTAGRAM_API_VERSION}${path}`;

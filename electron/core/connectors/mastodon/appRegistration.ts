import { z } from 'zod';
import { Secret } from '../../secrets/secret';
import type { SecretStore } from '../../secrets/secretStore';
import { appSchema } from './mastodonEntities';
import type { MastodonHttp } from './mastodonHttp';

/** Out of band: the server shows the code, and the person pastes it. */
export const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob';

/**
 * The smallest scopes Pieuvre works with (https://docs.joinmastodon.org/api/oauth-scopes/):
 * reading who the account is, its mentions and statuses; posting replies; blocking, muting and
 * reporting. Servers that do not know granular scopes get `read write`.
 */
export const GRANULAR_SCOPES = 'read:accounts read:notifications read:statuses write:statuses write:blocks write:mutes write:reports';
const BROAD_SCOPES = 'read write';

export const registrationSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), scopes: z.string().min(1), redirectUris: z.array(z.string()) });
export type AppRegistration = z.output<typeof registrationSchema>;

/** The app's credentials are secrets too: kept in the secret store, one per server. */
export const appSecretName = (origin: string): string => `mastodon-app:${origin}`;

/**
 * Pieuvre's registration on a server (`POST /api/v1/apps`), made once and kept. Both redirects
 * are registered, newline-separated (Mastodon before 4.3 and snac take only a string; Mastodon
 * splits it): the loopback address, whose port Mastodon ignores for 127.0.0.1 (RFC 8252 §7.3),
 * and the out-of-band one.
 */
export async function registeredApp(store: SecretStore, http: MastodonHttp, redirectUris: readonly string[], signal: AbortSignal): Promise<AppRegistration> {
  const kept = await store.get(appSecretName(http.origin));
  const parsed = kept === null ? null : registrationSchema.safeParse(safeJson(kept.reveal()));
  if (parsed?.success && redirectUris.every((uri) => parsed.data.redirectUris.includes(uri)) && (await isKnown(http, parsed.data, signal))) return parsed.data;
  return register(store, http, redirectUris, signal);
}

/**
 * Whether the server still knows the app: its sign-in page, asked as the browser will ask it.
 * snac forgets an app whose token was revoked and answers 400; Mastodon, which keeps apps,
 * sends a visitor to its sign-in form (a redirect) whatever the app.
 */
async function isKnown(http: MastodonHttp, app: AppRegistration, signal: AbortSignal): Promise<boolean> {
  const query = { client_id: app.clientId, redirect_uri: app.redirectUris.at(-1) ?? OUT_OF_BAND, response_type: 'code', scope: app.scopes };
  const page = await http.send({ path: '/oauth/authorize', query, signal });
  return page.status < 400;
}

/** The server forgot the app (its token exchange says `invalid_client`): the next sign-in registers again. */
export async function forgetApp(store: SecretStore, origin: string): Promise<void> {
  await store.delete(appSecretName(origin));
}

async function register(store: SecretStore, http: MastodonHttp, redirectUris: readonly string[], signal: AbortSignal): Promise<AppRegistration> {
  let scopes = GRANULAR_SCOPES;
  let response = await http.send({ method: 'POST', path: '/api/v1/apps', body: appBody(redirectUris, scopes), signal });
  if (response.status === 422 || response.status === 400) {
    scopes = BROAD_SCOPES;
    response = await http.send({ method: 'POST', path: '/api/v1/apps', body: appBody(redirectUris, scopes), signal });
  }
  http.ensureOk(response, { method: 'POST', path: '/api/v1/apps' });
  const app = appSchema.parse(response.body);
  const registration: AppRegistration = { clientId: app.client_id, clientSecret: app.client_secret, scopes, redirectUris: [...redirectUris] };
  await store.set(appSecretName(http.origin), new Secret(JSON.stringify(registration)));
  return registration;
}

const appBody = (redirectUris: readonly string[], scopes: string) => ({ client_name: 'Pieuvre', redirect_uris: redirectUris.join('\n'), scopes, website: 'https://pieuvre.app' });

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

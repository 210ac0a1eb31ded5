import type { PlatformAppView } from '../../../shared/api/accounts';
import { isOAuthPlatform, OAUTH_PLATFORMS, type OAuthPlatform, type Platform } from '../../../shared/domain/platform';
import type { PlatformAppCredentials } from '../connectors/connector';
import { Secret } from '../secrets/secret';
import type { SecretStore } from '../secrets/secretStore';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type PlatformAppRow = { platform: OAuthPlatform; client_id: string; has_secret: number };

/** The client secret of the person's app on a platform, beside the accounts' own secrets but never removed with one of them. */
export const platformAppSecretName = (platform: OAuthPlatform) => `platform-app:${platform}`;

/**
 * The person's own app on each wave-2 platform ("bring your own app"): its public client id in
 * `platform_apps`, its client secret (Meta, Google and Reddit give one; X's public client has
 * none) in the secret store, `has_secret` saying it is there so the list never opens the store.
 */
export class PlatformApps {
  constructor(
    private readonly db: Db,
    private readonly secrets: () => Promise<SecretStore>,
    private readonly now: () => number,
  ) {}

  /** Each wave-2 platform this build connects (`redirectUri` null: it does not), set up or not, with the redirect address to register for it. */
  list(redirectUri: (platform: OAuthPlatform) => string | null): PlatformAppView[] {
    return OAUTH_PLATFORMS.flatMap((platform) => {
      const uri = redirectUri(platform);
      return uri === null ? [] : [this.view(platform, uri)];
    });
  }

  view(platform: OAuthPlatform, redirectUri: string): PlatformAppView {
    const row = this.row(platform);
    return { platform, clientId: row?.client_id ?? null, hasSecret: row?.has_secret === 1, redirectUri };
  }

  /**
   * Saves the client id; a secret given replaces the stored one, `null` forgets it, none keeps it
   * only for the same client id. A secret belongs to the app it was saved with: one row holds
   * Reddit's script app (id and secret) or its installed app (an id alone), and an installed app's
   * token request must never carry the script app's secret, so a new id without a secret forgets
   * the old one. The secret is written before the row says it is there.
   */
  async set(input: { platform: OAuthPlatform; clientId: string; clientSecret?: string | null | undefined }): Promise<void> {
    const row = this.row(input.platform);
    const isSameApp = row?.client_id === input.clientId;
    const clientSecret = input.clientSecret === undefined && !isSameApp && row?.has_secret === 1 ? null : input.clientSecret;
    let hasSecret = row?.has_secret === 1;
    if (clientSecret !== undefined) {
      const store = await this.secrets();
      if (clientSecret === null) await store.delete(platformAppSecretName(input.platform));
      else await store.set(platformAppSecretName(input.platform), new Secret(clientSecret));
      hasSecret = clientSecret !== null;
    }
    cachedStatement<[{ platform: string; clientId: string; hasSecret: number; now: number }]>(
      this.db,
      `INSERT INTO platform_apps (platform, client_id, has_secret, updated_at) VALUES (@platform, @clientId, @hasSecret, @now)
       ON CONFLICT (platform) DO UPDATE SET client_id = excluded.client_id, has_secret = excluded.has_secret, updated_at = excluded.updated_at`,
    ).run({ platform: input.platform, clientId: input.clientId, hasSecret: hasSecret ? 1 : 0, now: this.now() });
  }

  /**
   * The app's credentials for the OAuth sign-in and a connector's token refresh; null for a
   * platform without one (Bluesky, Mastodon, the demo) or before the person has set it up.
   */
  readonly credentials = async (platform: Platform): Promise<PlatformAppCredentials | null> => {
    if (!isOAuthPlatform(platform)) return null;
    const row = this.row(platform);
    if (!row) return null;
    const secret = row.has_secret === 1 ? await (await this.secrets()).get(platformAppSecretName(platform)) : null;
    return { clientId: row.client_id, clientSecret: secret?.reveal() ?? null };
  };

  private row(platform: OAuthPlatform): PlatformAppRow | undefined {
    return cachedStatement<[string], PlatformAppRow>(this.db, 'SELECT platform, client_id, has_secret FROM platform_apps WHERE platform = ?').get(platform);
  }
}

import type { PlatformAppView } from '../../../shared/api/accounts';
import type { OAuthPlatform } from '../../../shared/domain/platform';

/**
 * Where a person creates their own app on each wave-2 platform, and whether the platform gives
 * that app a secret to paste (X's native app is a public client; Reddit's installed app has none: its script app's secret is asked in RedditScriptForm)
 * and a return address to register (Google's desktop clients take any port on 127.0.0.1: nothing to register).
 * The words of each step are in the i18n files (accounts.connect.platforms).
 */
export const PLATFORM_APP_GUIDES: Readonly<Record<OAuthPlatform, { createApp: string; guide: string; hasSecret: boolean; registersRedirect: boolean }>> = {
  facebook: { createApp: 'https://developers.facebook.com/apps/creation/', guide: 'https://developers.facebook.com/documentation/pages-api/create-an-app', hasSecret: true, registersRedirect: true },
  instagram: {
    createApp: 'https://developers.facebook.com/apps/creation/',
    guide: 'https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/',
    hasSecret: true,
    registersRedirect: true,
  },
  youtube: { createApp: 'https://console.cloud.google.com/apis/credentials/oauthclient', guide: 'https://console.cloud.google.com/apis/library/youtube.googleapis.com', hasSecret: true, registersRedirect: false },
  x: { createApp: 'https://developer.x.com/en/portal/dashboard', guide: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code', hasSecret: false, registersRedirect: true },
  reddit: { createApp: 'https://www.reddit.com/prefs/apps', guide: 'https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki', hasSecret: false, registersRedirect: true },
};

/** Whether the stored secret goes with the client id typed: the core keeps a secret only for the id it was saved with. */
export const isSecretKept = (app: PlatformAppView | undefined, clientId: string): boolean => app?.hasSecret === true && app.clientId === clientId.trim();

import type { OAuthPlatform, Platform } from '../../../shared/domain/platform';
import type { ConnectorFactory, PlatformAppCredentials } from '../connectors/connector';
import { facebookPlatform } from '../connectors/facebook/facebookPlatform';
import { instagramPlatform } from '../connectors/instagram/instagramPlatform';
import { mastodonConnectorFactory } from '../connectors/mastodon/mastodonConnectorFactory';
import { MastodonSignIns } from '../connectors/mastodon/mastodonSignIns';
import type { WavePlatform } from '../connectors/oauth/oauthProvider';
import { OAuthSignIns } from '../connectors/oauth/oauthSignIns';
import type { PlatformOrigins } from '../connectors/platformOrigins';
import { signInWithRedditPassword, type RedditPassword } from '../connectors/reddit/redditPasswordSignIn';
import { redditPlatform } from '../connectors/reddit/redditPlatform';
import type { BrowserSignIns, SignedIn } from '../connectors/signIn';
import { xPlatform } from '../connectors/x/xPlatform';
import { youtubePlatform } from '../connectors/youtube/youtubePlatform';
import { lazySecretStore } from '../secrets/lazySecretStore';
import type { SecretStore } from '../secrets/secretStore';

/** A Bluesky sign-in: a handle or DID and an app password, on the PDS the handle names or the one given. */
export type BlueskySignIn = (input: { identifier: string; appPassword: string; server?: string | undefined }, signal: AbortSignal) => Promise<SignedIn>;

/** Reddit's script app for one's own account: the password grant, the password used once (see redditPasswordSignIn). */
export type RedditScriptSignIn = (app: PlatformAppCredentials, credentials: RedditPassword, signal: AbortSignal) => Promise<SignedIn[]>;

/** What real accounts run on: how each platform's connector is built and how people sign in. A missing one answers "unavailable". */
export type AccountPlatforms = {
  factories: Partial<Record<Platform, ConnectorFactory>>;
  /** `oauth`: the wave-2 platforms' browser sign-in (each with the person's own app on the platform). */
  signIns: { bluesky?: BlueskySignIn; mastodon?: BrowserSignIns; oauth?: OAuthSignIns; redditScript?: RedditScriptSignIn };
};

/**
 * Bluesky's SDK holds every lexicon of the AT Protocol (about 50 MB once loaded): it is loaded
 * when a Bluesky account opens or signs in, not by every core.
 */
const lazyBlueskyFactory: ConnectorFactory = {
  platform: 'bluesky',
  open: async (account, secret, io) => (await import('../connectors/bluesky/blueskyConnectorFactory')).blueskyConnectorFactory.open(account, secret, io),
};

/** The platforms a person connects with their own app on the platform and a browser sign-in. */
const WAVE_TWO: readonly WavePlatform[] = [facebookPlatform, instagramPlatform, youtubePlatform, xPlatform, redditPlatform];

export type RealPlatformsDeps = {
  /** Opens the data folder's secret store (a Mastodon sign-in keeps each server's app registration there). */
  secrets: () => Promise<SecretStore>;
  now: () => number;
  /** The person's own app on a wave-2 platform, from the open database. */
  apps: (platform: OAuthPlatform) => Promise<PlatformAppCredentials | null>;
  /** Local contract servers standing for wave-2 platforms (tests, the harness); empty in the app. */
  origins: PlatformOrigins;
};

/** The one place the app, the harness and the command line get their platforms from: each platform's connector factory and sign-in. */
export function realPlatforms(deps: RealPlatformsDeps): AccountPlatforms {
  const originOf = (wave: WavePlatform) => deps.origins[wave.platform] ?? null;
  return {
    factories: {
      bluesky: lazyBlueskyFactory,
      mastodon: mastodonConnectorFactory,
      ...Object.fromEntries(WAVE_TWO.map((wave) => [wave.platform, wave.factory(originOf(wave))])),
    },
    signIns: {
      bluesky: async (input, signal) => (await import('../connectors/bluesky/blueskySignIn')).signInToBluesky(input, { fetch: globalThis.fetch, signal }),
      mastodon: new MastodonSignIns({ secrets: lazySecretStore(deps.secrets), fetch: globalThis.fetch, now: deps.now }),
      oauth: new OAuthSignIns({
        providers: Object.fromEntries(WAVE_TWO.map((wave) => [wave.platform, wave.provider(originOf(wave))])),
        apps: deps.apps,
        fetch: globalThis.fetch,
        now: deps.now,
      }),
      redditScript: (app, credentials, signal) => signInWithRedditPassword(originOf(redditPlatform), app, credentials, { fetch: globalThis.fetch, signal, now: deps.now }),
    },
  };
}

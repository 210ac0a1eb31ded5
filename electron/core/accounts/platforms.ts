import type { Platform } from '../../../shared/domain/platform';
import type { ConnectorFactory } from '../connectors/connector';
import { mastodonConnectorFactory } from '../connectors/mastodon/mastodonConnectorFactory';
import { MastodonSignIns } from '../connectors/mastodon/mastodonSignIns';
import type { OAuthSignIns } from '../connectors/oauth/oauthSignIns';
import type { BrowserSignIns, SignedIn } from '../connectors/signIn';
import { lazySecretStore } from '../secrets/lazySecretStore';
import type { SecretStore } from '../secrets/secretStore';

/** A Bluesky sign-in: a handle or DID and an app password, on the PDS the handle names or the one given. */
export type BlueskySignIn = (input: { identifier: string; appPassword: string; server?: string | undefined }, signal: AbortSignal) => Promise<SignedIn>;

/** What real accounts run on: how each platform's connector is built and how people sign in. A missing one answers "unavailable". */
export type AccountPlatforms = {
  factories: Partial<Record<Platform, ConnectorFactory>>;
  /** `oauth`: the wave-2 platforms' browser sign-in (each with the person's own app on the platform). */
  signIns: { bluesky?: BlueskySignIn; mastodon?: BrowserSignIns; oauth?: OAuthSignIns };
};

/**
 * Bluesky's SDK holds every lexicon of the AT Protocol (about 50 MB once loaded): it is loaded
 * when a Bluesky account opens or signs in, not by every core.
 */
const lazyBlueskyFactory: ConnectorFactory = {
  platform: 'bluesky',
  open: async (account, secret, io) => (await import('../connectors/bluesky/blueskyConnectorFactory')).blueskyConnectorFactory.open(account, secret, io),
};

/**
 * The one place the app, the harness and the command line get their platforms from: each
 * platform's connector factory and sign-in. `secrets` opens the data folder's secret store (a
 * Mastodon sign-in keeps each server's app registration there).
 */
export function realPlatforms(deps: { secrets: () => Promise<SecretStore>; now: () => number }): AccountPlatforms {
  return {
    factories: { bluesky: lazyBlueskyFactory, mastodon: mastodonConnectorFactory },
    signIns: {
      bluesky: async (input, signal) => (await import('../connectors/bluesky/blueskySignIn')).signInToBluesky(input, { fetch: globalThis.fetch, signal }),
      mastodon: new MastodonSignIns({ secrets: lazySecretStore(deps.secrets), fetch: globalThis.fetch, now: deps.now }),
    },
  };
}

import type { Platform } from '../../../shared/domain/platform';
import type { ConnectorFactory } from '../connectors/connector';
import type { BrowserSignIns, SignedIn } from '../connectors/signIn';

/** A Bluesky sign-in: a handle or DID and an app password, on the PDS the handle names or the one given. */
export type BlueskySignIn = (input: { identifier: string; appPassword: string; server?: string | undefined }, signal: AbortSignal) => Promise<SignedIn>;

/** What real accounts run on: how each platform's connector is built and how people sign in. A missing one answers "unavailable". */
export type AccountPlatforms = {
  factories: Partial<Record<Platform, ConnectorFactory>>;
  signIns: { bluesky?: BlueskySignIn; mastodon?: BrowserSignIns };
};

/**
 * The one place the app, the harness and the command line get their platforms from: each
 * platform's connector factory and sign-in join here as they land.
 */
export function realPlatforms(): AccountPlatforms {
  return { factories: {}, signIns: {} };
}

import type { OAuthPlatform } from '../../../../shared/domain/platform';
import type { Connector, ConnectorIo } from '../connector';
import type { OAuthProvider, WavePlatform } from './oauthProvider';
import { refreshThroughApp } from './oauthTokens';
import { RefreshingToken, type TokenFields } from './refreshingToken';

/** A platform whose account tokens are renewed through the person's own app (X, YouTube): what wiring it takes. */
export type AppTokenPlatformSpec<S extends TokenFields> = {
  platform: OAuthPlatform;
  provider(origin: string | null): OAuthProvider;
  /** The stored secret's codec (`secretCodec`). */
  decode(secret: string): S;
  encode(secret: S): string;
  /** What the person reads when the token needs renewing but Settings no longer holds the app. */
  whenNoApp: string;
  /** What the person reads when the token ended and came without a refresh token. */
  endedWithoutRefresh: string;
  /** The account's connector around its token; `origin` as the platform's factory got it. */
  connect(token: RefreshingToken<S>, io: ConnectorIo, origin: string | null): Connector;
};

/** The platform as the app wires it: its sign-in, and a factory opening each account on a token renewed at the provider's token endpoint. */
export function appTokenPlatform<S extends TokenFields>(spec: AppTokenPlatformSpec<S>): WavePlatform {
  return {
    platform: spec.platform,
    provider: spec.provider,
    factory(origin) {
      const provider = spec.provider(origin);
      return {
        platform: spec.platform,
        open(_account, secret, io) {
          const { decode, encode, whenNoApp, endedWithoutRefresh } = spec;
          const token = new RefreshingToken({ secret: decode(secret), encode, endedWithoutRefresh, now: io.now, saveSecret: io.saveSecret, refresh: refreshThroughApp(provider, io, whenNoApp) });
          return spec.connect(token, io, origin);
        },
      };
    },
  };
}

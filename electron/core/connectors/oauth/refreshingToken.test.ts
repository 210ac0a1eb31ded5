import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector';
import type { OAuthTokens } from './oauthProvider';
import { RefreshingToken, type TokenFields } from './refreshingToken';

type Secret = TokenFields & { accountId: string };
const NOW = 1_000_000_000;
const signal = new AbortController().signal;

/** A token over a recorded refresh endpoint and secret store; each refresh hands out `fresh-N`. */
function token(secret: Partial<Secret> = {}, rotate = true) {
  const refreshed: string[] = [];
  const saved: Secret[] = [];
  const tokens = new RefreshingToken<Secret>({
    secret: { accountId: 'a-1', accessToken: 'old', refreshToken: 'refresh-1', expiresAt: NOW + 3_600_000, ...secret },
    now: () => NOW,
    refresh: async (refreshToken): Promise<OAuthTokens> => {
      refreshed.push(refreshToken);
      return { accessToken: `fresh-${refreshed.length}`, refreshToken: rotate ? `refresh-${refreshed.length + 1}` : null, expiresAt: NOW + 7_200_000, scope: null };
    },
    saveSecret: async (text) => void saved.push(JSON.parse(text) as Secret),
    encode: (value) => JSON.stringify(value),
    endedWithoutRefresh: 'Sign in again.',
  });
  return { tokens, refreshed, saved };
}

describe('RefreshingToken', () => {
  it('keeps a token far from its end, renews one within five minutes of it and saves the rotated pair before using it', async () => {
    expect(await token().tokens.accessToken(signal)).toBe('old');
    const { tokens, refreshed, saved } = token({ expiresAt: NOW + 4 * 60_000 });
    expect(await tokens.accessToken(signal)).toBe('fresh-1');
    expect(refreshed).toEqual(['refresh-1']);
    expect(saved).toEqual([{ accountId: 'a-1', accessToken: 'fresh-1', refreshToken: 'refresh-2', expiresAt: NOW + 7_200_000 }]);
    expect(tokens.secret).toEqual(saved[0]);
  });

  it('renews once for every call refused at the same time, and not again for a token already replaced', async () => {
    const { tokens, refreshed } = token();
    expect(await Promise.all([tokens.renew('old', signal), tokens.renew('old', signal)])).toEqual(['fresh-1', 'fresh-1']);
    expect(await tokens.renew('old', signal)).toBe('fresh-1');
    expect(refreshed).toEqual(['refresh-1']);
  });

  it('keeps the refresh token a platform does not replace', async () => {
    const { tokens } = token({}, false);
    await tokens.renew('old', signal);
    expect(tokens.secret.refreshToken).toBe('refresh-1');
  });

  it('without a refresh token, a refused token means signing in again (auth)', async () => {
    const { tokens, refreshed } = token({ refreshToken: null });
    const failure = await tokens.renew('old', signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ kind: 'auth', message: 'Sign in again.' });
    expect(refreshed).toEqual([]);
  });
});

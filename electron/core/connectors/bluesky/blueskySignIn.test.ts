import { beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../shared/api/result';
import { createBlueskyAccount } from '../../../../scripts/peers/blueskyAccounts';
import { ensurePeers, ENSURE_PEERS_TIMEOUT_MS, type PeerServers } from '../../../../scripts/peers/peers';
import { blueskySecretSchema } from './blueskySecret';
import { PLC_DIRECTORY, PUBLIC_APPVIEW } from './blueskyResolve';
import { signInToBluesky } from './blueskySignIn';
import { personOn } from '../../testing/blueskyTestKit';

// Sign-in against the local Bluesky network (scripts/peers/): the real PDS, AppView and PLC.

let peers: PeerServers;
beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

const io = () => ({ fetch, signal: AbortSignal.timeout(15_000) });

async function refusalOf(attempt: Promise<unknown>): Promise<{ code: string; reason: string | undefined }> {
  const error = await attempt.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof ApiFailure)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { code: error.code, reason: error.reason };
}

describe('signInToBluesky', () => {
  it('signs in with a handle and an app password on the server given, keeping the session as the secret', async () => {
    const account = await createBlueskyAccount(peers, 'brand');
    const signedIn = await signInToBluesky({ identifier: `@${account.handle}`, appPassword: account.appPassword, server: peers.bluesky.pds }, io());
    expect(signedIn).toMatchObject({ platform: 'bluesky', externalId: account.did, handle: account.handle, name: account.handle, server: new URL(peers.bluesky.pds).origin });
    const secret = blueskySecretSchema.parse(JSON.parse(signedIn.secret));
    expect(secret).toMatchObject({ did: account.did, handle: account.handle, appPassword: account.appPassword });
    expect(secret.accessJwt).not.toBe('');
  });

  it('finds the server from the DID document when none is given', async () => {
    // Once the AppView has indexed the account: it answers resolveHandle.
    const { account } = await personOn(peers, 'brand');
    // The public directory and AppView are played by the local ones: the lookups are the real ones.
    const localFetch: typeof fetch = (url, init) => fetch(String(url).replace(PLC_DIRECTORY, peers.bluesky.plc).replace(PUBLIC_APPVIEW, peers.bluesky.appview), init);
    const signedIn = await signInToBluesky({ identifier: account.handle, appPassword: account.appPassword }, { fetch: localFetch, signal: AbortSignal.timeout(15_000) });
    expect(signedIn.externalId).toBe(account.did);
    expect(new URL(signedIn.server ?? '').port).toBe(new URL(peers.bluesky.pds).port);
  });

  it('refuses a wrong app password, an unknown handle and a server that does not answer, each with its reason', async () => {
    const account = await createBlueskyAccount(peers, 'brand');
    expect(await refusalOf(signInToBluesky({ identifier: account.handle, appPassword: 'aaaa-bbbb-cccc-dddd', server: peers.bluesky.pds }, io()))).toEqual({ code: 'invalid_input', reason: 'wrong_password' });
    expect(await refusalOf(signInToBluesky({ identifier: 'nobody-here.test', appPassword: account.appPassword, server: peers.bluesky.pds }, io()))).toEqual({ code: 'invalid_input', reason: 'unknown_account' });
    expect(await refusalOf(signInToBluesky({ identifier: account.handle, appPassword: account.appPassword, server: 'http://127.0.0.1:9' }, io()))).toEqual({ code: 'unavailable', reason: 'server_unreachable' });
  });
});

import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../../shared/domain/incomingItem';
import { memoryUsageMeter } from '../../../accounts/usageMeter';
import { OAuthSignIns } from '../../oauth/oauthSignIns';
import { xPlatform } from '../xPlatform';
import { xContractKit } from './xContractKit';
import { xReplyRequest, xSyncRequest } from './xTestKit';

// The kill test's view of the X contract server, walked as the command line would: sign in with
// the kit's app, sync, reply; the kit names the request that posts it and lists what X holds in
// the words the brand wrote.
describe('X contract kit', () => {
  it('signs in with the kit’s app, has a mention to answer, names the reply request and lists the reply in the brand’s words', async () => {
    const running = await xContractKit.start();
    const signIns = new OAuthSignIns({ providers: { x: xPlatform.provider(running.origin) }, apps: async () => xContractKit.app, fetch, now: Date.now });
    try {
      const pending = await signIns.start('x');
      const finished = signIns.finish(pending.signInId);
      await fetch(pending.authorizeUrl);
      const [account] = await finished;
      const connector = await xPlatform.factory(running.origin).open({ id: 'kit', platform: 'x', externalId: account!.externalId, handle: account!.handle, server: null }, account!.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: xContractKit.app, usage: memoryUsageMeter() });
      const [mention] = (await connector.sync(xSyncRequest())).items as IncomingItemInput[];
      expect(mention).toMatchObject({ kind: 'mention', ref: { isSummoned: true } });
      await connector.reply(xReplyRequest({ inReplyToRef: mention!.ref!, text: 'Oui, partout au Québec!' }), AbortSignal.timeout(5_000));
      connector.close();
      expect(running.isReplyPost('POST', '/2/tweets')).toBe(true);
      expect(running.isReplyPost('GET', '/2/users/2244994945/tweets')).toBe(false);
      expect(running.repliesReceived()).toEqual(['Oui, partout au Québec!']);
    } finally {
      signIns.close();
      await running.close();
    }
  });
});

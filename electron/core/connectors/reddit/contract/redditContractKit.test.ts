import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../../shared/domain/incomingItem';
import { memoryUsageMeter } from '../../../accounts/usageMeter';
import { replyRequest, syncRequest } from '../../../testing/snacMastodon';
import { OAuthSignIns } from '../../oauth/oauthSignIns';
import { redditPlatform } from '../redditPlatform';
import { REDDIT_ACCOUNT } from './openRedditConnector';
import { redditContractKit } from './redditContractKit';

// What the wave-2 kill test relies on from Reddit's kit, the way it uses it: sign in with the
// kit's app through the browser flow, sync, answer; the reply's request is recognised and the
// platform holds it once, found again by findSent rather than posted twice.

describe('Reddit contract kit', () => {
  it('signs in with the kit’s app, serves a comment to answer, names the reply request and holds the reply once', async () => {
    const running = await redditContractKit.start();
    const signIns = new OAuthSignIns({ providers: { reddit: redditPlatform.provider(running.origin) }, apps: async () => redditContractKit.app, fetch, now: Date.now });
    try {
      const pending = await signIns.start('reddit');
      const finished = signIns.finish(pending.signInId);
      await fetch(pending.authorizeUrl);
      const [account] = await finished;
      const connector = await redditPlatform.factory(running.origin).open(REDDIT_ACCOUNT, account!.secret, { fetch, now: Date.now, saveSecret: async () => {}, app: redditContractKit.app, usage: memoryUsageMeter() });
      const [item] = (await connector.sync(syncRequest({ backfillSince: 0 }))).items as IncomingItemInput[];
      expect(item?.kind).not.toBe('dm');
      const request = replyRequest({ kind: 'comment', inReplyToExternalId: item!.externalId, inReplyToRef: item!.ref ?? null, threadExternalId: item!.threadExternalId, text: 'Oui, de 8 h à 14 h!' });
      await connector.reply(request, AbortSignal.timeout(5_000));
      // The process that comes after a kill asks first, and finds it.
      expect(await connector.findSent(request, AbortSignal.timeout(5_000))).not.toBeNull();
      connector.close();
      expect(running.isReplyPost('POST', '/api/comment')).toBe(true);
      expect(running.isReplyPost('GET', '/message/inbox')).toBe(false);
      expect(running.repliesReceived()).toEqual(['Oui, de 8 h à 14 h!']);
    } finally {
      signIns.close();
      await running.close();
    }
  });
});

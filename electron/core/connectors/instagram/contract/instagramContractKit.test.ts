import { describe, expect, it } from 'vitest';
import { memoryUsageMeter } from '../../../accounts/usageMeter';
import { OAuthSignIns } from '../../oauth/oauthSignIns';
import { instagramPlatform } from '../instagramPlatform';
import { instagramContractKit } from './instagramContractKit';

// The kill-9 story's kit as the command-line test will use it: signed in through the browser's
// consent, the comment synced and answered; the kit sees the reply's POST and the reply, once.

describe('Instagram contract kit', () => {
  it('signs in, offers a comment to answer, and tells the reply apart from other requests', async () => {
    const running = await instagramContractKit.start();
    const signIns = new OAuthSignIns({ providers: { instagram: instagramPlatform.provider(running.origin) }, apps: () => Promise.resolve(instagramContractKit.app), fetch, now: Date.now });
    try {
      const pending = await signIns.start('instagram');
      const finished = signIns.finish(pending.signInId);
      await fetch(pending.authorizeUrl);
      const [account] = await finished;
      if (!account) throw new Error('an account expected');
      const io = { now: Date.now, fetch, saveSecret: () => Promise.resolve(), app: instagramContractKit.app, usage: memoryUsageMeter() };
      const connector = await instagramPlatform.factory(running.origin).open({ id: 'a1', platform: 'instagram', externalId: account.externalId, handle: account.handle, server: null }, account.secret, io);
      const page = await connector.sync({ cursors: {}, signal: AbortSignal.timeout(10_000), backfillSince: Date.now() - 86_400_000, recheck: [] });
      const comment = (page.items as { externalId: string; threadExternalId: string; ref: Record<string, unknown> }[])[0];
      if (!comment) throw new Error('a comment expected');
      await connector.reply({ threadExternalId: comment.threadExternalId, threadRef: null, inReplyToExternalId: comment.externalId, inReplyToRef: comment.ref, kind: 'comment', text: 'Oui, partout au Québec!', idempotencyKey: 'k1', messagingTag: null }, AbortSignal.timeout(10_000));
      expect(running.repliesReceived()).toEqual(['Oui, partout au Québec!']);
      expect(running.isReplyPost('POST', `/v25.0/${comment.externalId}/replies`)).toBe(true);
      expect(running.isReplyPost('GET', `/v25.0/${comment.externalId}/replies`)).toBe(false);
      expect(running.isReplyPost('POST', '/v25.0/me/messages')).toBe(false);
      connector.close();
    } finally {
      signIns.close();
      await running.close();
    }
  });
});

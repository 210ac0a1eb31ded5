import { beforeEach, describe, expect, it } from 'vitest';
import type { NewMessagesNotice } from '../../../shared/api/events';
import { commentItem } from '../testing/itemBuilder';
import { useCoreWithAccount } from '../testing/coreWithAccount';

const fx = useCoreWithAccount();
let notices: NewMessagesNotice[];
beforeEach(() => {
  notices = [];
  fx.core.events.subscribe((event) => {
    if (event.name === 'notification.newMessages') notices.push(event.payload as NewMessagesNotice);
  });
});

const brand = { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' };

describe('notification gate', () => {
  it('decides one notice per batch of new messages from people, naming the newest', () => {
    fx.ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 3, thread: 'b', text: 'Toujours pas de réponse' }), commentItem({ n: 2, thread: 'a' })]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ count: 3, latest: { author: 'Fan 3', platform: 'facebook', snippet: 'Toujours pas de réponse' } });
    expect(notices[0]?.conversationIds).toHaveLength(2);
  });

  it('stays quiet for duplicates and for the brand’s own replies', () => {
    fx.ingest([commentItem({ n: 1 })]);
    fx.ingest([commentItem({ n: 1 })]);
    fx.ingest([commentItem({ n: 2, thread: 'thread-1', kind: 'reply', direction: 'out', author: brand })]);
    expect(notices.map((notice) => notice.count)).toEqual([1]);
  });
});

describe('notification gate and my preferences', () => {
  const setMine = async (newMessages: 'all' | 'mentionsAndDms' | 'none') => {
    const { id } = await fx.core.call('duty.me', {});
    await fx.core.call('team.update', { id, notifications: { newMessages, urgent: true } });
  };
  const dm = (n: number) => commentItem({ n, kind: 'dm', post: null, text: `DM ${n}` });
  const mention = (n: number) => commentItem({ n, kind: 'mention', post: null, text: `Mention ${n}` });

  it('with "direct messages and mentions", counts and names only those', async () => {
    await setMine('mentionsAndDms');
    fx.ingest([commentItem({ n: 1 })]);
    fx.ingest([commentItem({ n: 2 }), dm(3), mention(4), commentItem({ n: 5 })]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ count: 2, latest: { snippet: 'Mention 4' } });
  });

  it('with "none", stays quiet; back to "all", tells every batch again', async () => {
    await setMine('none');
    fx.ingest([dm(1), mention(2), commentItem({ n: 3 })]);
    expect(notices).toEqual([]);
    await setMine('all');
    fx.ingest([commentItem({ n: 4 })]);
    expect(notices.map((notice) => notice.count)).toEqual([1]);
  });
});

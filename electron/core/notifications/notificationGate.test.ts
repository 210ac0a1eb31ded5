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

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewMessagesNotice } from '../../../shared/api/events';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore;
let accountId: string;
let notices: NewMessagesNotice[];
beforeEach(() => {
  core = createTestCore();
  accountId = addAccount(core.context.db);
  notices = [];
  core.events.subscribe((event) => {
    if (event.name === 'notification.newMessages') notices.push(event.payload as NewMessagesNotice);
  });
});
afterEach(() => core.close());

const brand = { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' };

describe('notification gate', () => {
  it('decides one notice per batch of new messages from people, naming the newest', () => {
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1, thread: 'a' }), commentItem({ n: 3, thread: 'b', text: 'Toujours pas de réponse' }), commentItem({ n: 2, thread: 'a' })] });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ count: 3, latest: { author: 'Fan 3', platform: 'facebook', snippet: 'Toujours pas de réponse' } });
    expect(notices[0]?.conversationIds).toHaveLength(2);
  });

  it('stays quiet for duplicates and for the brand’s own replies', () => {
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 2, thread: 'thread-1', kind: 'reply', direction: 'out', author: brand })] });
    expect(notices.map((notice) => notice.count)).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../shared/schedule';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { createFactReader, type SpamSignals } from './ruleFacts';

const fx = useCoreWithAccount();
const messageSeq = (externalId: string) => fx.core.context.db.prepare<[string], { seq: number }>('SELECT seq FROM messages WHERE external_id = ?').get(externalId)?.seq ?? -1;
/** A reader whose spam scorer keeps what it was asked about. */
const reader = () => {
  const asked: SpamSignals[] = [];
  return { asked, facts: createFactReader(fx.core.context.db, (signals) => (asked.push(signals), 0.42)) };
};
const factsOf = (read: ReturnType<typeof reader>, externalId: string, at = T0) => {
  const row = read.facts.rowOf(messageSeq(externalId));
  if (!row) throw new Error(`No message ${externalId}`);
  return read.facts.factsOf(row, at);
};
const WEEKDAYS_9_TO_5: Schedule = {
  timeZone: 'America/Toronto',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
  exceptions: [],
};

describe('the facts rules read from a stored message', () => {
  it('read the message, its author and its conversation as stored', async () => {
    fx.ingest([
      // A top-level comment is its thread's first item; an answer under it is a reply.
      commentItem({ n: 1, text: 'Écrivez-moi: marie@exemple.ca ou 514 555-0199', thread: 'msg-1', language: 'fr', author: { externalId: 'a1', handle: '@marie', name: 'Marie', followerCount: 40 } }),
      commentItem({ n: 2, text: '👍🏽👍🏽', thread: 'msg-1', parentExternalId: 'msg-1' }),
    ]);
    const conversationId = (await fx.core.call('conversations.list', {})).items[0]?.id ?? '';
    await fx.core.call('conversations.tag', { ids: [conversationId], add: ['VIP'], remove: [] });
    const read = reader();
    const first = factsOf(read, 'msg-1', T0 + 3 * 3_600_000);
    expect(first).toMatchObject({
      platform: 'facebook',
      kind: 'comment',
      text: 'Écrivez-moi: marie@exemple.ca ou 514 555-0199',
      authorHandle: '@marie',
      authorName: 'Marie',
      authorFollowers: 40,
      authorVerified: false,
      authorVip: false,
      authorBlocked: false,
      language: 'fr',
      hasLink: false,
      hasEmail: true,
      hasPhone: true,
      onlyEmoji: false,
      wordCount: 9,
      inBusinessHours: true,
      status: 'open',
      assignee: null,
      tags: ['VIP'],
      // The conversation came in at T0: three hours before the rule looks.
      ageMinutes: 180,
      messageCount: 1,
      urgent: false,
    });
    const second = factsOf(read, 'msg-2');
    expect([second.kind, second.onlyEmoji, second.messageCount, second.ageMinutes, second.wordCount]).toEqual(['reply', true, 2, 0, 0]);
  });

  it('say whether the message was written inside the account’s business hours', async () => {
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: WEEKDAYS_9_TO_5 });
    // T0 is Monday 09:00 in Toronto; item n is written n minutes later, and the 600th on Monday 19:00.
    fx.ingest([commentItem({ n: 1 }), commentItem({ n: 600 })]);
    const read = reader();
    expect([factsOf(read, 'msg-1').inBusinessHours, factsOf(read, 'msg-600').inBusinessHours]).toEqual([true, false]);
  });

  it('score spam only when a rule asks, from the author’s first message and the same text repeated', () => {
    const author = { externalId: 'spammer', handle: '@deals', name: 'Deals', followerCount: 3 };
    fx.ingest([
      commentItem({ n: 1, text: 'Buy followers www.cheap-fans.com', author }),
      commentItem({ n: 2, text: 'Buy followers www.cheap-fans.com', author }),
      commentItem({ n: 3, text: 'Buy followers www.cheap-fans.com', author }),
    ]);
    const read = reader();
    const first = factsOf(read, 'msg-1');
    expect(first.text).toBe('Buy followers www.cheap-fans.com');
    expect(read.asked).toEqual([]);
    expect([first.spamScore, first.spamScore]).toEqual([0.42, 0.42]);
    expect(factsOf(read, 'msg-3').spamScore).toBe(0.42);
    expect(read.asked).toEqual([
      { text: 'Buy followers www.cheap-fans.com', hasLink: true, followerCount: 3, isFirstFromAuthor: true, repeats: 0 },
      { text: 'Buy followers www.cheap-fans.com', hasLink: true, followerCount: 3, isFirstFromAuthor: false, repeats: 2 },
    ]);
  });

  it('count repeats among the author’s ten latest earlier messages only, whatever order they arrived and were read in', () => {
    const author = { externalId: 'regular', handle: '@reg', name: 'Reg', followerCount: 500 };
    const said = (n: number, text: string) => commentItem({ n, text, author });
    // Written at minutes 1 to 13, stored in two batches out of order (keys follow the time written).
    fx.ingest([said(13, 'same again'), said(1, 'same again'), said(2, 'same again'), ...[7, 9, 11].map((n) => said(n, `other ${n}`))]);
    fx.ingest([3, 4, 5, 6, 8, 10, 12].map((n) => said(n, n === 12 ? 'same again' : `other ${n}`)));
    const read = reader();
    // Read the latest first: the reader knows its text before the earlier ones ask for theirs.
    for (const externalId of ['msg-13', 'msg-2', 'msg-12']) void factsOf(read, externalId).spamScore;
    expect(read.asked.map(({ isFirstFromAuthor, repeats }) => ({ isFirstFromAuthor, repeats }))).toEqual([
      // msg-13 looks at 3..12: msg-12 says it again, msg-1 and msg-2 are further back.
      { isFirstFromAuthor: false, repeats: 1 },
      // msg-2 looks at msg-1 only.
      { isFirstFromAuthor: false, repeats: 1 },
      // msg-12 looks at 2..11: msg-2.
      { isFirstFromAuthor: false, repeats: 1 },
    ]);
    const fresh = reader();
    void factsOf(fresh, 'msg-1').spamScore;
    expect(fresh.asked.map(({ isFirstFromAuthor, repeats }) => ({ isFirstFromAuthor, repeats }))).toEqual([{ isFirstFromAuthor: true, repeats: 0 }]);
  });

  it('look back the same for a batch read together, its look-ups made at its first score, whichever message asks first', () => {
    const author = { externalId: 'regular', handle: '@reg', name: 'Reg', followerCount: 500 };
    const said = (n: number, text: string) => commentItem({ n, text, author });
    fx.ingest([said(1, 'same again'), said(2, 'same again'), ...[3, 4, 5].map((n) => said(n, `other ${n}`))]);
    fx.ingest([said(6, 'same again'), said(7, 'other 7'), said(8, 'same again')]);
    const read = reader();
    const batch = read.facts.rowsOf(['msg-8', 'msg-6', 'msg-7', 'msg-1'].map(messageSeq));
    for (const externalId of ['msg-8', 'msg-6', 'msg-7', 'msg-1']) {
      const row = batch.get(messageSeq(externalId));
      if (!row) throw new Error(`No message ${externalId} in the batch`);
      void read.facts.factsOf(row, T0).spamScore;
    }
    expect(read.asked.map(({ isFirstFromAuthor, repeats }) => ({ isFirstFromAuthor, repeats }))).toEqual([
      // msg-8 looks at 1..7: msg-1, msg-2 and msg-6 said it.
      { isFirstFromAuthor: false, repeats: 3 },
      // msg-6 looks at 1..5: msg-1 and msg-2.
      { isFirstFromAuthor: false, repeats: 2 },
      { isFirstFromAuthor: false, repeats: 0 },
      { isFirstFromAuthor: true, repeats: 0 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DemoConnector } from '../connectors/demo/demoConnector';
import { newId } from '../ids';
import { assignConversations, setConversationStatus } from '../store/conversationMutations';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { DIGEST_SQL } from './digestQueries';

const fx = useCoreWithAccount();
const utc = (iso: string) => Date.parse(iso);
const nineToFive = [['09:00', '17:00']] as [string, string][];
const weekdays = {
  timeZone: 'America/Toronto',
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
};

/** Things happen at their own time: the clock is set first, so arrival times are real too. */
const at = (iso: string) => {
  fx.core.now.value = utc(iso);
  return utc(iso);
};
const receive = (n: number, iso: string, overrides: Omit<Parameters<typeof commentItem>[0], 'n'> = {}) =>
  fx.ingest([commentItem({ n, createdAt: at(iso), ...overrides })]);
const idOf = (thread: string) =>
  fx.core.context.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
const ana = () => {
  const id = newId();
  fx.core.context.db.prepare("INSERT INTO people (id, name, created_at, updated_at) VALUES (?, 'Ana', 0, 0)").run(id);
  return id;
};

describe('since you left', () => {
  it('tells what came in, what was urgent and who handled it, what was assigned to me, and who waits longest', async () => {
    const { db } = fx.core.context;
    const anaId = ana();
    fx.core.context.connectors.register(fx.accountId, new DemoConnector({ seed: 1, platform: 'facebook', startedAt: 0, backlogCount: 0, backlogWindowMs: 0, ratePerMinute: 0, pageSize: 50, now: () => fx.core.now.value }));
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    const me = (await fx.core.call('duty.me', {})).id;

    // Before leaving (Thursday and Friday, EDT). A: answered Thursday, asked again Friday 10:00 and Saturday.
    receive(1, '2026-10-29T14:00:00Z', { thread: 'a', text: 'Livrez-vous à Laval?' });
    receive(2, '2026-10-29T15:00:00Z', { thread: 'a', direction: 'out', text: 'Oui!' });
    receive(3, '2026-10-30T14:00:00Z', { thread: 'a', text: 'Et à Longueuil?' });
    receive(4, '2026-10-30T16:00:00Z', { thread: 'b', text: 'Quelles sont vos heures?' });
    receive(5, '2026-10-27T14:00:00Z', { thread: 'closed', kind: 'dm', post: null });
    await fx.core.call('conversations.setStatus', { ids: [idOf('closed')], status: 'done' });
    await fx.core.call('conversations.assign', { ids: [idOf('b')], assigneeId: me });

    // The weekend (Friday 17:00 EDT to Monday 09:00 EST).
    receive(6, '2026-10-31T13:00:00Z', { thread: 'a', text: 'Allô?' });
    receive(10, '2026-10-31T13:30:00Z');
    receive(11, '2026-10-31T13:40:00Z');
    receive(12, '2026-10-31T13:50:00Z', { kind: 'dm', post: null });
    receive(13, '2026-10-31T13:55:00Z', { text: 'Free followers at spam.example' });
    await fx.core.call('conversations.setStatus', { ids: [idOf('thread-13')], status: 'spam' });
    const instagram = addAccount(db, 'instagram', 'ig-1');
    fx.core.context.ingest({ accountId: instagram, source: 'test', items: [commentItem({ n: 14, platform: 'instagram', kind: 'mention', post: null, createdAt: at('2026-10-31T14:00:00Z') })] });

    receive(20, '2026-10-31T14:00:00Z', { thread: 'u1', text: 'Mon fils a fait une réaction allergique à votre muffin' });
    at('2026-10-31T14:30:00Z');
    await fx.core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    await fx.core.call('outbox.send', { conversationId: idOf('u1'), text: 'Nous vous appelons tout de suite.', idempotencyKey: 'reply-u1-1', when: { kind: 'now' } });
    await fx.core.outbox.drain();
    receive(21, '2026-10-31T15:00:00Z', { thread: 'u2', kind: 'dm', post: null, text: 'I am calling my lawyer' });
    at('2026-11-01T14:00:00Z');
    setConversationStatus(db, { ids: [idOf('u2')], status: 'done' }, anaId, fx.core.now.value);
    receive(22, '2026-11-01T17:00:00Z', { thread: 'u3', text: 'Intoxication après votre sandwich' });
    receive(23, '2026-11-01T17:30:00Z', { thread: 'u3', direction: 'out', text: 'Écrivez-nous en privé.' });
    receive(24, '2026-11-02T01:00:00Z', { thread: 'u4', text: 'Ma fille est à l’hôpital' });

    at('2026-10-31T17:00:00Z');
    await fx.core.call('conversations.assign', { ids: [idOf('thread-10')], assigneeId: me });
    await fx.core.call('conversations.assign', { ids: [idOf('thread-11')], assigneeId: me });
    await fx.core.call('conversations.assign', { ids: [idOf('thread-11')], assigneeId: anaId });
    at('2026-11-01T15:00:00Z');
    assignConversations(db, { ids: [idOf('thread-12')], assigneeId: me }, anaId, fx.core.now.value);

    fx.core.now.value = utc('2026-11-02T14:30:00Z');
    const digest = await fx.core.call('digest.sinceYouLeft', {});
    expect(digest).toMatchObject({ since: utc('2026-10-30T21:00:00Z'), until: fx.core.now.value, sinceReason: 'offDuty', isDue: true });
    expect(digest.newConversations).toEqual([
      { platform: 'facebook', kind: 'comment', count: 5 },
      { platform: 'facebook', kind: 'dm', count: 2 },
      { platform: 'instagram', kind: 'mention', count: 1 },
    ]);
    expect(digest.urgent.total).toBe(4);
    expect(digest.urgent.items.map((item) => [item.id, item.handled])).toEqual([
      [idOf('u4'), null],
      [idOf('u3'), { how: 'replied', at: utc('2026-11-01T17:30:00Z'), by: { kind: 'elsewhere' } }],
      [idOf('u2'), { how: 'closed', at: utc('2026-11-01T14:00:00Z'), by: { kind: 'teammate', name: 'Ana' } }],
      [idOf('u1'), { how: 'replied', at: utc('2026-10-31T14:30:00Z'), by: { kind: 'me' } }],
    ]);
    expect(digest.urgent.items[3]).toMatchObject({ platform: 'facebook', kind: 'comment', contact: { name: 'Fan 6' }, urgentAt: utc('2026-10-31T14:00:00Z') });
    expect(digest.assignedToMe).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ id: idOf('thread-12'), assignedAt: utc('2026-11-01T15:00:00Z'), by: { kind: 'teammate', name: 'Ana' } }),
        expect.objectContaining({ id: idOf('thread-10'), assignedAt: utc('2026-10-31T17:00:00Z'), by: { kind: 'me' } }),
      ],
    });
    // A waits since Friday 10:00 (its first message after the brand's reply), though its last message is Saturday's.
    expect(digest.oldestWaiting).toMatchObject({ id: idOf('a'), waitingSince: utc('2026-10-30T14:00:00Z'), snippet: 'Allô?' });
  });

  it('counts a conversation answered whenever the answer was written, and waits only for what needs an answer', async () => {
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    // A sync after a night offline brings an urgent question with the brand's answer, written before it reached Pieuvre.
    at('2026-10-31T16:00:00Z');
    fx.ingest([
      commentItem({ n: 1, thread: 'urgent-answered', createdAt: utc('2026-10-31T13:00:00Z'), text: 'Mon fils est à l’hôpital après votre muffin' }),
      commentItem({ n: 2, thread: 'urgent-answered', createdAt: utc('2026-10-31T13:10:00Z'), direction: 'out', text: 'Nous vous appelons.' }),
      commentItem({ n: 3, thread: 'urgent-answered', createdAt: utc('2026-10-31T13:20:00Z'), text: 'Merci beaucoup 🙏' }),
    ]);
    receive(10, '2026-10-29T14:00:00Z', { thread: 'emoji', text: '👍🏽' });
    receive(11, '2026-10-29T15:00:00Z', { thread: 'emoji', text: '❤️❤️' });
    receive(12, '2026-10-29T16:00:00Z', { thread: 'thanks-then-question', text: 'merci!' });
    receive(13, '2026-10-30T20:00:00Z', { thread: 'thanks-then-question', text: 'Et vous livrez le dimanche?' });
    receive(14, '2026-10-29T17:00:00Z', { thread: 'brand-last', text: 'Vos heures?' });
    receive(15, '2026-10-29T18:00:00Z', { thread: 'brand-last', direction: 'out', text: '9 h à 17 h!' });
    receive(16, '2026-10-31T12:00:00Z', { thread: 'newer', text: 'Ma commande est en retard' });
    receive(17, '2026-10-28T12:00:00Z', { thread: 'snoozed', text: 'Vous êtes ouverts?' });
    await fx.core.call('conversations.setStatus', { ids: [idOf('snoozed')], status: 'done' });

    fx.core.now.value = utc('2026-11-02T14:30:00Z');
    const digest = await fx.core.call('digest.sinceYouLeft', {});
    expect(digest.timeZone).toBe('America/Toronto');
    expect(digest.urgent.items.map((item) => [item.id, item.handled])).toEqual([
      [idOf('urgent-answered'), { how: 'replied', at: utc('2026-10-31T13:10:00Z'), by: { kind: 'elsewhere' } }],
    ]);
    // Not the emoji (oldest), not the brand's last word: the question after a thanks, since the question.
    expect(digest.oldestWaiting).toMatchObject({ id: idOf('thanks-then-question'), waitingSince: utc('2026-10-30T20:00:00Z') });
  });

  it('finds who waits longest past pages of conversations that need no answer', async () => {
    at('2026-11-01T12:00:00Z');
    fx.ingest(Array.from({ length: 120 }, (_, index) => commentItem({ n: 100 + index, thread: `emoji-${index}`, createdAt: utc('2026-10-20T00:00:00Z') + index * 60_000, text: index % 2 ? '👏🏿' : 'merci!' })));
    receive(1, '2026-10-25T10:00:00Z', { thread: 'question', text: 'Avez-vous du sans gluten?' });
    fx.core.now.value = utc('2026-11-02T14:30:00Z');
    expect((await fx.core.call('digest.sinceYouLeft', {})).oldestWaiting).toMatchObject({ id: idOf('question'), waitingSince: utc('2026-10-25T10:00:00Z') });
  });

  it('has nothing to tell about a quiet time away', async () => {
    await fx.core.call('duty.setSchedule', { schedule: weekdays });
    receive(1, '2026-10-30T14:00:00Z');
    receive(2, '2026-10-30T15:00:00Z', { thread: 'thread-1', direction: 'out', text: 'Merci!' });
    fx.core.now.value = utc('2026-11-02T14:30:00Z');
    expect(await fx.core.call('digest.sinceYouLeft', {})).toMatchObject({
      newConversations: [],
      urgent: { total: 0, items: [] },
      assignedToMe: { total: 0, items: [] },
      oldestWaiting: null,
    });
  });

  it('reads every part through an index: no scan of messages, conversations or the trail', () => {
    const planOf = (sql: string) => {
      const parameters = Array.from({ length: (sql.match(/\?/gu) ?? []).length }, () => 1);
      return fx.core.context.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters).map((row) => row.detail);
    };
    for (const [name, sql] of Object.entries(DIGEST_SQL)) {
      expect(planOf(sql).filter((detail) => /^SCAN (messages|m|o|e|conversations|c|activity)\b/u.test(detail)), name).toEqual([]);
    }
    expect(planOf(DIGEST_SQL.newConversations).join()).toContain('conversations_by_created');
    expect(planOf(DIGEST_SQL.urgent).join()).toContain('conversations_urgent');
    expect(planOf(DIGEST_SQL.assignedTo).join()).toContain('activity_assignments');
    expect(planOf(DIGEST_SQL.lastClosed).join()).toContain('activity_by_conversation');
    expect(planOf(DIGEST_SQL.waitingCandidates).join()).toContain('messages_outbound');
    expect(planOf(DIGEST_SQL.inboundAfter).join()).toContain('messages_by_conversation');
  });
});

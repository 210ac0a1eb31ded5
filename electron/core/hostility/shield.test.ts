import { describe, expect, it } from 'vitest';
import { HOSTILE_THRESHOLD } from '../../../shared/domain/entities';
import { createIngest } from '../ingest/ingest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';

const fx = useCoreWithAccount();
const brand = { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' };
const hostilityOf = (externalId: string) =>
  fx.core.context.db.prepare<[string], { hostility: number }>('SELECT hostility FROM messages WHERE external_id = ?').get(externalId)?.hostility;

describe('hostile-content shield', () => {
  it('scores messages from people on arrival, never the brand’s own, and keeps the snippet’s score', async () => {
    fx.ingest([
      commentItem({ n: 1, thread: 'a', text: 'Vous êtes des voleurs, gang de caves!!!' }),
      commentItem({ n: 2, thread: 'b', text: 'Merci, super café!' }),
      commentItem({ n: 3, thread: 'c', kind: 'reply', direction: 'out', author: brand, text: "You're an idiot" }),
    ]);
    expect(hostilityOf('msg-1')).toBeGreaterThanOrEqual(HOSTILE_THRESHOLD);
    expect(hostilityOf('msg-2')).toBe(0);
    expect(hostilityOf('msg-3')).toBe(0);
    const list = await fx.core.call('conversations.list', {});
    expect(list.items.find((c) => c.snippet.startsWith('Vous êtes'))?.snippetHostility).toBeGreaterThanOrEqual(HOSTILE_THRESHOLD);
    const detail = await fx.core.call('conversations.get', { id: list.items.find((c) => c.snippet.startsWith('Vous êtes'))?.id ?? '' });
    expect(detail.messages[0]?.hostility).toBe(hostilityOf('msg-1'));
  });

  it('takes any scorer in place of the lexicons', () => {
    const ingest = createIngest(fx.core.context.db, { clock: () => fx.core.now.value, scoreHostility: (text) => (text.includes('🍅') ? 0.9 : 0.1) });
    ingest({ accountId: fx.accountId, source: 'test', items: [commentItem({ n: 5, text: 'Tomates 🍅' }), commentItem({ n: 6, text: 'Idiot!' })] });
    expect([hostilityOf('msg-5'), hostilityOf('msg-6')]).toEqual([0.9, 0.1]);
  });

  it('counts each revealed message once a day against the person’s budget', async () => {
    fx.ingest(Array.from({ length: 3 }, (_, n) => commentItem({ n, text: `You're an idiot, number ${n}` })));
    fx.core.context.db.prepare('UPDATE people SET hostile_budget = 2').run();
    const ids = fx.core.context.db.prepare<[], { seq: number }>('SELECT seq FROM messages ORDER BY seq').all().map((row) => String(row.seq));
    expect(await fx.core.call('shield.reveal', { messageId: ids[0] ?? '' })).toMatchObject({ revealedToday: 1, isOverBudget: false });
    expect(await fx.core.call('shield.reveal', { messageId: ids[0] ?? '' })).toMatchObject({ revealedToday: 1 });
    expect(await fx.core.call('shield.reveal', { messageId: ids[1] ?? '' })).toEqual({ revealedToday: 2, budget: 2, isOverBudget: true });
    fx.core.now.value += 86_400_000;
    expect(await fx.core.call('shield.status', {})).toMatchObject({ revealedToday: 0, isOverBudget: false });
    expect(await fx.core.client.call('shield.reveal', { messageId: '999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

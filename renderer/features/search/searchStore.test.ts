import { beforeEach, describe, expect, it } from 'vitest';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import { conversationFixture } from '../inbox/conversationFixture';
import { useInboxStore } from '../inbox/inboxStore';
import { useSearchStore } from './searchStore';

const page = (...ids: string[]) => ({ ok: true, value: { items: ids.map((id) => conversationFixture(id)), total: ids.length, nextCursor: null } }) as const;

describe('search as the person types', () => {
  beforeEach(() => {
    useInboxStore.setState({ viewKey: 'open', filter: { status: 'open' }, items: [], total: 0, selectedId: null, checkedIds: [] });
  });

  it('the answer to an earlier, shorter query never overwrites a newer one, whatever order they arrive in', async () => {
    const core = coreAnsweringByHand();
    const shorter = useSearchStore.getState().search('rep');
    const longer = useSearchStore.getState().search('reponse');
    expect(core.requests.map((request) => (request.input as { text: string }).text)).toEqual(['rep', 'reponse']);
    // The newer query's answer comes first, the older one's after it.
    core.requests.push(core.requests.shift()!);
    core.answer('conversations.list', page('answer-to-reponse'));
    await longer;
    core.answer('conversations.list', page('answer-to-rep', 'another'));
    await shorter;
    expect(useInboxStore.getState()).toMatchObject({ filter: { status: 'open', text: 'reponse' }, total: 1 });
    expect(useInboxStore.getState().items.map((c) => c.id)).toEqual(['answer-to-reponse']);
  });
});

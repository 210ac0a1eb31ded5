import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';

const fx = useCoreWithAccount();

describe('messages through the API: what the platform said about them', () => {
  it('gives edit and deletion times and attachments, never the platform reference', async () => {
    const image = { kind: 'image', url: 'https://cdn.example/latte.jpg', alt: 'Un latte' } as const;
    fx.ingest([commentItem({ n: 1, thread: 'a', ref: { statusId: 'secretish-ref-77' }, attachments: [image], editedAt: T0 + 1_000 }), commentItem({ n: 2, thread: 'a' })]);
    fx.core.context.ingest({ accountId: fx.accountId, source: 'test', items: [], updates: [{ change: 'deleted', platform: 'facebook', externalId: 'msg-2', deletedAt: T0 + 2_000 }] });
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const detail = await fx.core.call('conversations.get', { id: conversation?.id ?? '' });
    expect(detail.messages.map(({ externalId, editedAt, deletedAt, isDeleted, attachments }) => ({ externalId, editedAt, deletedAt, isDeleted, attachments }))).toEqual([
      { externalId: 'msg-1', editedAt: T0 + 1_000, deletedAt: null, isDeleted: false, attachments: [image] },
      { externalId: 'msg-2', editedAt: null, deletedAt: T0 + 2_000, isDeleted: true, attachments: [] },
    ]);
    const hits = await fx.core.call('messages.search', { text: 'number' });
    expect(hits.items.find((hit) => hit.message.externalId === 'msg-1')?.message.attachments).toEqual([image]);
    expect(JSON.stringify([detail, hits])).not.toContain('secretish-ref-77');
  });
});

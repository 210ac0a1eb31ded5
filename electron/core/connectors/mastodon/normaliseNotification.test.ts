import { describe, expect, it } from 'vitest';
import { incomingItemSchema } from '../../../../shared/domain/incomingItem';
import { normaliseNotification, type MastodonBrand } from './normaliseNotification';
import { BRAND, mention } from './recorded/mastodonPayloads';

const brand: MastodonBrand = { localId: BRAND.id, handle: 'brulerie@mastodon.example', host: 'mastodon.example' };

describe('normaliseNotification', () => {
  it('keeps the ref small enough for ingest when a status mentions a crowd', () => {
    const crowd = Array.from({ length: 60 }, (_, index) => ({ id: String(index), username: `person${index}`, acct: `person${index}@a-rather-long-server-name.example`, url: null }));
    const normalised = normaliseNotification(mention('1', '2', { mentions: crowd }), brand, () => undefined);
    if (normalised.outcome !== 'item') throw new Error(`not an item: ${JSON.stringify(normalised)}`);
    expect(incomingItemSchema.safeParse(normalised.item).success).toBe(true);
    expect(normalised.ref.mentions).toHaveLength(12);
  });

  it('files a reply to the brand’s status with the others answering it, and a reply to a filed status in its thread', () => {
    const toBrand = normaliseNotification(mention('1', '2', { in_reply_to_id: '77', in_reply_to_account_id: BRAND.id }), brand, () => undefined);
    expect(toBrand).toMatchObject({ outcome: 'item', item: { threadExternalId: 'reply-to:77' } });
    const inThread = normaliseNotification(mention('3', '4', { in_reply_to_id: '2', in_reply_to_account_id: '110845' }), brand, (id) => (id === '2' ? 'reply-to:77' : undefined));
    expect(inThread).toMatchObject({ outcome: 'item', item: { threadExternalId: 'reply-to:77' } });
  });

  it('skips what is not a mention and sets aside a mention it cannot read, saying why', () => {
    expect(normaliseNotification({ id: '1', type: 'favourite', status: null }, brand, () => undefined)).toEqual({ outcome: 'skipped' });
    expect(normaliseNotification({ id: '1', type: 'mention', status: null }, brand, () => undefined)).toEqual({ outcome: 'rejected', reason: 'a mention without its status' });
    expect(normaliseNotification(mention('1', '2', { created_at: 'yesterday' }), brand, () => undefined)).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('created_at') });
  });
});

import { describe, expect, it } from 'vitest';
import { mutatePayload } from './mutatePayload';

const notification = {
  uri: 'at://did:plc:abc/app.bsky.feed.post/3k',
  author: { did: 'did:plc:abc', handle: 'ana.test', displayName: 'Ana' },
  record: { text: 'Bonjour @brand', createdAt: '2026-12-04T10:00:00.000Z', facets: [{ index: { byteStart: 8, byteEnd: 14 } }] },
  reason: 'mention',
};

describe('mutatePayload', () => {
  it('replays: the same seed and index give the same mutation, and the original is left alone', () => {
    const original = structuredClone(notification);
    for (let index = 0; index < 200; index++) expect(mutatePayload(notification, 7, index)).toEqual(mutatePayload(notification, 7, index));
    expect(notification).toEqual(original);
  });

  it('changes the payload nearly every time, in many different ways', () => {
    const mutants = Array.from({ length: 500 }, (_, index) => JSON.stringify(mutatePayload(notification, 11, index)));
    const unchanged = mutants.filter((mutant) => mutant === JSON.stringify(notification)).length;
    expect(unchanged).toBeLessThan(10);
    expect(new Set(mutants).size).toBeGreaterThan(300);
  });

  it('reaches nested fields, not only the top level', () => {
    const mutants = Array.from({ length: 300 }, (_, index) => mutatePayload(notification, 3, index) as { record?: { text?: unknown } });
    expect(mutants.some((mutant) => mutant.record !== undefined && mutant.record.text !== notification.record.text)).toBe(true);
  });
});

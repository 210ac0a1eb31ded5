import { isValidTid } from '@atproto/syntax';
import { expect, it } from 'vitest';
import { recordKeyFor } from './blueskyRecordKey';

it('gives one valid TID per name, the same every time, and different TIDs for different names', () => {
  const keys = Array.from({ length: 2_000 }, (_, index) => recordKeyFor(`reply-${index}`));
  expect(keys.every((key) => isValidTid(key))).toBe(true);
  expect(new Set(keys).size).toBe(keys.length);
  expect(recordKeyFor('reply-7')).toBe(keys[7]);
});

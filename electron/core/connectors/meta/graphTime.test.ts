import { describe, expect, it } from 'vitest';
import { graphTimeMs } from './graphTime';

describe('graphTimeMs', () => {
  it('reads Meta’s ISO times with a +0000 offset and the UNIX seconds the conversations guide shows, for Facebook and Instagram alike', () => {
    expect(graphTimeMs('2017-08-31T18:10:30+0000')).toBe(Date.UTC(2017, 7, 31, 18, 10, 30));
    expect(graphTimeMs('2026-12-05T07:10:30-0500')).toBe(Date.UTC(2026, 11, 5, 12, 10, 30));
    expect(graphTimeMs('1796472000')).toBe(1_796_472_000_000);
    expect(graphTimeMs('not-a-date')).toBeNull();
    expect(graphTimeMs('2026-13-45T99:99:99Z')).toBeNull();
  });
});

import { validate, version } from 'uuid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from './ids';

const sortedCopy = (ids: readonly string[]): string[] => [...ids].sort();

describe('newId', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('makes UUIDv7 ids in the order they were made, thousands in the same millisecond', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_765_000_000_000);
    const ids = Array.from({ length: 10_000 }, newId);
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sortedCopy(ids)).toEqual(ids);
  });

  it('keeps counting up when the clock is set back', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_765_000_100_000);
    const before = Array.from({ length: 100 }, newId);
    now.mockReturnValue(1_765_000_000_000);
    const after = Array.from({ length: 100 }, newId);
    expect(sortedCopy([...after, ...before])).toEqual([...before, ...after]);
  });

  it('starts each new millisecond from a random point, so ids do not say how many came before', () => {
    const now = vi.spyOn(Date, 'now');
    const firsts = Array.from({ length: 20 }, (_, index) => {
      now.mockReturnValue(1_765_000_200_000 + index);
      return newId();
    });
    // The counter's bits (after the millisecond and version) differ between milliseconds.
    expect(new Set(firsts.map((id) => id.slice(15, 23))).size).toBeGreaterThan(15);
  });
});

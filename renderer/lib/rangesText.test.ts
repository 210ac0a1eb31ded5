import { describe, expect, it } from 'vitest';
import { parseRangesText, rangesToText } from './rangesText';

describe('ranges as people type them', () => {
  it('reads ranges with dashes, spaces and short hours', () => {
    expect(parseRangesText('09:00-12:00, 13:00 – 17:00')).toEqual([['09:00', '12:00'], ['13:00', '17:00']]);
    expect(parseRangesText('9:30-24:00')).toEqual([['09:30', '24:00']]);
    expect(parseRangesText('22:00-02:00')).toEqual([['22:00', '02:00']]);
    expect(parseRangesText('  ')).toEqual([]);
  });

  it('refuses what is not a range', () => {
    expect(parseRangesText('9h-17h')).toBeNull();
    expect(parseRangesText('09:00')).toBeNull();
    expect(parseRangesText('09:00-12:00, lunch')).toBeNull();
  });

  it('writes ranges back the same way', () => {
    expect(rangesToText([['09:00', '12:00'], ['13:00', '17:00']])).toBe('09:00-12:00, 13:00-17:00');
  });
});

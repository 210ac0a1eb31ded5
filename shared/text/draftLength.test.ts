import { describe, expect, it } from 'vitest';
import { measureAtOnce } from './draftLength';

describe('measureAtOnce (the composer’s count as each key is typed)', () => {
  it('counts as the platform does in its unit', () => {
    expect(measureAtOnce('Merci 🇨🇦', 'characters', 500)).toEqual({ length: 8, isAtLeast: false, isAtMost: false });
    expect(measureAtOnce('Merci 🇨🇦', 'graphemes', 300)).toEqual({ length: 7, isAtLeast: false, isAtMost: false });
    expect(measureAtOnce('Merci 🇨🇦', 'utf8-bytes', 1000)).toEqual({ length: 6 + 8, isAtLeast: false, isAtMost: false });
  });

  it('weighs X’s text as X does, a link as its characters until the core’s exact count (23) follows', () => {
    expect(measureAtOnce('Merci ☕ 東京', 'twitter-weighted', 280)).toEqual({ length: 6 + 2 + 1 + 4, isAtLeast: false, isAtMost: false });
    expect(measureAtOnce('Voir brulerie.ca', 'twitter-weighted', 280).length).toBe(16);
  });
});

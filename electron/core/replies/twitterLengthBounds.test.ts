import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twitterLinkEndings, twitterWeightedLength } from './twitterLength';
import { twitterLengthBounds as boundsWith } from '../../../shared/text/twitterLengthBounds';

const twitterLengthBounds = (text: string) => boundsWith(text, twitterLinkEndings());

/** Texts of every kind X counts differently: twitter-text's count always lies within the bounds. */
const SAMPLES = [
  '',
  'Merci, à bientôt',
  'voir brulerie.ca svp',
  `see https://example.com/${'x'.repeat(4000)} now`,
  `https://example.com/${'x'.repeat(4060)},https://example.com/${'y'.repeat(4060)}`,
  'a.'.repeat(3000),
  'a.com.'.repeat(1500),
  'x.com,'.repeat(500),
  'x.com '.repeat(500),
  '漢字 👩🏻‍❤️‍💋‍👨🏼 👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿 '.repeat(50),
  'e\u0301'.repeat(500),
  // Emoji whose code points weigh little: the keycap, ©️ and ‼ (© alone is no emoji).
  '#️⃣ 1⃣ ©️ © ®️ ‼ ™',
  `brulerie.ca${'漢'.repeat(1_000)}`,
  `x.com,${'a-'.repeat(1_000)}`,
];

describe('twitterLengthBounds', () => {
  it('holds twitter-text’s count between its minimum and maximum', () => {
    for (const text of SAMPLES) {
      const { min, max } = twitterLengthBounds(text);
      const measured = twitterWeightedLength(text);
      expect(min, text.slice(0, 40)).toBeLessThanOrEqual(measured);
      expect(max, text.slice(0, 40)).toBeGreaterThanOrEqual(measured);
    }
  });

  it('holds twitter-text’s count between its bounds, equal to both when they meet, on texts mixing links, dots, emoji, scripts and a-a-', () => {
    const PIECES = ['a', 'b.', '.', 'com', '.ca', ' ', '\n', 'https://', 'x.com/', 'x.com,', '/', '-', 'a-a-a-', 'xn--p1ai', '#', '@', '☕', '👩🏽‍💻', '#️⃣', '©️', '©', 'é', 'e\u0301', '漢', '漢漢漢漢', 'quebec', 'brulerie.ca', 't.co/x', `https://brulerie.ca/${'p'.repeat(1_500)}`];
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const { min, max } = twitterLengthBounds(text);
        const measured = twitterWeightedLength(text);
        expect(min).toBeLessThanOrEqual(measured);
        expect(max).toBeGreaterThanOrEqual(measured);
        if (min === max) expect(min).toBe(measured);
      }),
      { numRuns: 300 },
    );
  });

  it('counts whitespace and plain words at their full weight, and long links at 23', () => {
    expect(twitterLengthBounds('ok ok')).toEqual({ min: 5, max: 5 });
    expect(twitterLengthBounds('ok brulerie.ca')).toEqual({ min: 3 + 11, max: 3 + 11 + 23 });
    expect(twitterLengthBounds('ok ☕')).toEqual({ min: 4, max: 5 });
    expect(twitterLengthBounds(`https://example.com/${'x'.repeat(4000)}`).min).toBe(23);
    // Dots alone make no link: X knows no ".a".
    expect(twitterLengthBounds('a.'.repeat(50_000))).toEqual({ min: 100_000, max: 100_000 });
    expect(twitterLengthBounds('a.com.'.repeat(16_000)).min).toBe(23 * 24);
    expect(twitterLengthBounds('Bonjour tout le monde. '.repeat(4_400)).min).toBeGreaterThan(10_000);
  });

  it('bounds a domain before thousands of CJK characters within X’s DM limit, and an a-a-… word at it only from both sides', () => {
    expect(twitterLengthBounds(`brulerie.ca${'漢'.repeat(4_900)}`).max).toBe(11 + 9_800 + 23);
    const dashes = twitterLengthBounds(`x.com,${'a-'.repeat(4_997)}`);
    expect(dashes.min).toBeLessThanOrEqual(10_000);
    expect(dashes.max).toBe(10_000 + 23);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twitterLinkEndings, twitterWeightedLength } from './twitterLength';
import { twitterMinimumLength as minimumWith } from './twitterMinimumLength';

const twitterMinimumLength = (text: string) => minimumWith(text, twitterLinkEndings()).length;

/** Texts of every kind X counts differently: the minimum is never above twitter-text's count. */
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
];

describe('twitterMinimumLength', () => {
  it('never exceeds the length twitter-text measures', () => {
    for (const text of SAMPLES) {
      expect(twitterMinimumLength(text), text.slice(0, 40)).toBeLessThanOrEqual(twitterWeightedLength(text));
    }
  });

  it('never exceeds twitter-text’s count, and equals it when it says it is exact, on texts mixing links, dots, emoji and scripts', () => {
    const PIECES = ['a', 'b.', '.', 'com', '.ca', ' ', '\n', 'https://', 'x.com/', '/', '-', 'xn--p1ai', '#', '@', '☕', '👩🏽‍💻', 'é', 'e\u0301', '漢', 'quebec', 't.co/x', `https://brulerie.ca/${'p'.repeat(1_500)}`];
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const minimum = minimumWith(text, twitterLinkEndings());
        const measured = twitterWeightedLength(text);
        expect(minimum.length).toBeLessThanOrEqual(measured);
        if (minimum.isExact) expect(minimum.length).toBe(measured);
      }),
      { numRuns: 300 },
    );
  });

  it('counts whitespace and plain words at their full weight, and long links at 23', () => {
    expect(minimumWith('ok ok', twitterLinkEndings())).toEqual({ length: 5, isExact: true });
    expect(minimumWith('ok brulerie.ca', twitterLinkEndings())).toEqual({ length: 3 + 11, isExact: false });
    expect(minimumWith('ok ☕', twitterLinkEndings()).isExact).toBe(false);
    expect(twitterMinimumLength(`https://example.com/${'x'.repeat(4000)}`)).toBe(23);
    // Dots alone make no link: X knows no ".a".
    expect(twitterMinimumLength('a.'.repeat(50_000))).toBe(100_000);
    expect(twitterMinimumLength('a.com.'.repeat(16_000))).toBe(23 * 24);
    expect(twitterMinimumLength('Bonjour tout le monde. '.repeat(4_400))).toBeGreaterThan(10_000);
  });
});

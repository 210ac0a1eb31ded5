import { describe, expect, it } from 'vitest';
import { measureReply } from './replyLength';
import { twitterLinkEndings } from './twitterLength';
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
      const minimum = twitterMinimumLength(text);
      const measured = measureReply(text, 'twitter-weighted', Number.MAX_SAFE_INTEGER);
      expect(measured.isAtLeast).toBe(false);
      expect(minimum, text.slice(0, 40)).toBeLessThanOrEqual(measured.length);
    }
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

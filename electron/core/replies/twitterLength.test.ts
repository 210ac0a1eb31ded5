import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { twitterWeightedLength } from './twitterLength';

// twitter-text itself, loaded here to compare with: vitest gives this file its own isolate.
const twitterText = createRequire(import.meta.url)('twitter-text') as { parseTweet(text: string): { weightedLength: number } };

describe('twitterWeightedLength', () => {
  it('counts exactly as twitter-text does, word by word, with links, dots, emoji, scripts and whitespace', () => {
    const PIECES = ['a', 'b.', '.', 'com', '.ca', ' ', '\n', '\t', '  ', 'https://', 'x.com/', 'x.com,', '/', '-', '_', 'xn--p1ai', '#', '@', '☕', '👩🏽‍💻', 'é', 'e\u0301', '漢字', 'quebec', 't.co/x', '(', ')', `https://brulerie.ca/${'p'.repeat(1_500)}`, 'a-'.repeat(40)];
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(twitterWeightedLength(text)).toBe(twitterText.parseTweet(text).weightedLength);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the links twitter-text finds in long words it searches only where a link may start', () => {
    // Pieces that start, end, break or fail a domain, and long runs a link search crawls through.
    const PIECES = ['x.com', '-.com', '.com', '.ca', 'com', 'a.b', 'sub.', 'a_b', 'a_', '_a', 'x-y', 'é.québec', '漢.com', 'HTTPS://', 'http://', 'https://x', '/', ',', '+', '@', '#', '-', '_', '.', '..', ':', '?q=1', '☕', '漢'.repeat(300), 'a-'.repeat(300), 'a_'.repeat(300), 'xn--p1ai', 'é'];
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(twitterWeightedLength(text)).toBe(twitterText.parseTweet(text).weightedLength);
      }),
      { numRuns: 400 },
    );
  });
});

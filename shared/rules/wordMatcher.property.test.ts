import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForRules, wordMatcher, wordPattern } from './wordMatcher';

// Pieces that make word boundaries hard: accents, capitals, apostrophes both ways, digits, emoji, punctuation.
const piece = fc.constantFrom('rembours', 'ement', 'é', 'É', 'Hôpital', 'hopital', 'c', "'", '’', 'est', ' ', '  ', '-', '.', '!', '🔥', '😡', '12', 'a', 'mise', 'en', 'demeure', 'refund', 'ed', 'ç', 'ß');
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const word = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([pieces, isPrefix]) => pieces.join('').trim() + (isPrefix ? '*' : ''))
  .filter((candidate) => candidate.replace('*', '').trim() !== '' && !/\*./u.test(candidate));

describe('the fast word matcher', () => {
  it('says exactly what the word pattern says, for any words and text', () => {
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), text, (words, written) => {
        expect(wordMatcher(words)(written)).toBe(wordPattern(words).test(foldForRules(written)));
      }),
      { numRuns: 500 },
    );
  });
});

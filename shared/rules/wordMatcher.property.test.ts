import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../testing/propertySeed';
import { foldForRules, wordMatcher, wordPattern } from './wordMatcher';

// Pieces that make word boundaries hard: accents, capitals, apostrophes both ways, digits, emoji, punctuation.
const piece = fc.constantFrom('rembours', 'ement', 'é', 'É', 'Hôpital', 'hopital', 'c', "'", '’', 'est', ' ', '  ', '-', '.', '!', '🔥', '😡', '12', 'a', 'mise', 'en', 'demeure', 'refund', 'ed', 'ç', 'ß');
// Up to 30 pieces: texts of more than eight words take the matcher's other path (the words' set).
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
const word = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([pieces, isPrefix]) => pieces.join('').trim() + (isPrefix ? '*' : ''))
  .filter((candidate) => candidate.replace('*', '').trim() !== '' && !/\*./u.test(candidate));

describe('the fast word matcher', () => {
  it('says exactly what the word pattern says, for any words and text', () => {
    const seed = propertySeed('word matcher property');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(text, { minLength: 1, maxLength: 4 }), (words, texts) => {
        const holds = wordMatcher(words);
        const pattern = wordPattern(words);
        for (const written of texts) expect(holds(written)).toBe(pattern.test(foldForRules(written)));
      }),
      { seed, numRuns: 1_000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../testing/propertySeed';
import { foldForRules, passesGate, sharedWordGate, sharedWordMatcher, wordMatcher, wordPattern } from './wordMatcher';

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

describe('the shared word matchers (one index for all their lists)', () => {
  it('each says what its own pattern says, whatever other lists share the index', () => {
    const seed = propertySeed('shared word matchers property');
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 4 }), (lists, texts) => {
        const matchers = lists.map((words) => ({ holds: sharedWordMatcher(words), pattern: wordPattern(words) }));
        for (const written of texts) for (const { holds, pattern } of matchers) expect(holds(written)).toBe(pattern.test(foldForRules(written)));
      }),
      { seed, numRuns: 200 },
    );
  });

  it('each list’s gate opens for every text its pattern holds, phrases and words with other characters included', () => {
    const seed = propertySeed('word gates property');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(text, { minLength: 1, maxLength: 6 }), (words, texts) => {
        const gate = sharedWordGate(words);
        const pattern = wordPattern(words);
        // A list has no gate only when one of its phrases has no whole word or prefix (an emoji, punctuation).
        const hasWord = (written: string) => /[\p{L}\p{N}]/u.test(written.replace('*', ''));
        expect(gate === null).toBe(!words.every(hasWord));
        if (gate !== null) for (const written of [...texts, ...words.map((w) => ` ${w.replace('*', 'x')} `)]) if (pattern.test(foldForRules(written))) expect(passesGate(written, gate)).toBe(true);
      }),
      { seed, numRuns: 1_000 },
    );
  });

  it('a list with phrases opens on one whole word of each (the longest), and only the pattern decides', () => {
    const gate = sharedWordGate(['in stock', 'mise en demeure', 'plus d’abonnés', 'mise en dem*']);
    expect(gate).not.toBeNull();
    if (gate === null) return;
    expect(passesGate('Is it in stock?', gate)).toBe(true);
    expect(passesGate('Une DEMEURE ancienne', gate)).toBe(true);
    expect(passesGate('Des abonnés', gate)).toBe(true);
    expect(passesGate('mise en demande', gate)).toBe(true);
    expect(passesGate('Is it available?', gate)).toBe(false);
    expect(passesGate('stockholm', gate)).toBe(false);
    expect(sharedWordMatcher(['in stock', 'mise en demeure'])('Une DEMEURE ancienne')).toBe(false);
    expect(sharedWordGate(['merci', '😡'])).toBeNull();
  });

  it('a matcher made before the index starts again (a compiled rule still holds it) still answers right', () => {
    const refund = sharedWordMatcher(['rembours*', 'facture']);
    // Past the bound of shared lists, the index starts again without the earlier lists.
    for (let index = 0; index < 1_100; index += 1) sharedWordMatcher([`mot${index}`]);
    expect(refund('On veut un remboursement')).toBe(true);
    expect(refund('Ma FACTURE svp')).toBe(true);
    expect(refund('mot5 et rien d’autre')).toBe(false);
    expect(sharedWordMatcher(['mot1099'])('un mot1099 ici')).toBe(true);
  });
});

import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../testing/propertySeed';
import { compileRegex } from './regex';
import { requiredText } from './requiredText';

/** re2js itself, as rules compile it: the answer the prefilter must never contradict. */
const re2 = (pattern: string, text: string) => RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE).test(text);
const regexTest = (pattern: string) => {
  const compiled = compileRegex(pattern);
  if ('error' in compiled) throw new Error(compiled.error);
  return compiled.test;
};

// Pattern pieces: literals in both cases, the s and k that case folding stretches, quantifiers, groups, alternation, classes, anchors, flags, escapes.
const patternPiece = fc.constantFrom('commande', 'COMMANDE', 'Kelvin', 'sos', 'a', 'b', 'ab', ' ', '#', '-', '?', '*', '+', '{2}', '{0,1}', '(ab|cd)', '(?:x)', '(?i)', '(?-i)', '|', '[abc]', '[^a]', '[]a]', '[a-z]', '^', '$', '.', '\\d', '\\d+', '\\d{0}', '\\d{1,}', '\\s', '\\b', '\\.', '\\x41', '\\p{L}', '(', ')');
const textPiece = fc.constantFrom('commande', 'Commande', 'COMMANDE', 'kelvin', '\u212Aelvin', 'ſoſ', 'SOS', 'a', 'b', 'A', 'ab', 'cd', 'x', ' ', '#', '-', '.', '1234', '7', '\u0663', 'é', 'ß', '\n', 'İ');
const compiles = (pattern: string) => !('error' in compileRegex(pattern));

describe('what a pattern requires', () => {
  it.each([
    ['commande\\s*#?\\d{4,}', 'commande'],
    ['\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b', null],
    ['refund|remboursement', null],
    ['(?i)Merci', 'merci'],
    ['^Bonjour?$', 'bonjou'],
    ['colou?r', 'colo'],
    ['[Cc]af[eé] noir', ' noir'],
    ['ab{2}cd', 'cd'],
    ['(a|b)xyz(c)?', 'xyz'],
    ['b(?i)?a', 'a'],
    ['\\x{41}BC', null],
    ['\\QA|B\\E', null],
    ['issue', 'ue'],
    ['KK', 'kk'],
  ])('%s needs %s', (pattern, literal) => {
    expect(requiredText(pattern).literal).toBe(literal);
  });

  it.each([
    ['commande\\s*#?\\d{4,}', true],
    ['\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b', true],
    ['a\\d+', true],
    ['a\\d(?i)+', true],
    // Found by the property test (seed 1172594921): flags, then a second quantifier, repeat the repetition.
    ['\\d+(?-i)*commande', false],
    ['a\\d?', false],
    ['a\\d*', false],
    ['a\\d{0,3}', false],
    ['a\\d{0}', false],
    ['a\\d{', false],
    ['a\\D', false],
    ['a\\\\d', false],
    ['[\\d]x', false],
    ['(\\d)x', false],
    ['\\d|x', false],
  ])('%s needs a digit: %s', (pattern, digit) => {
    expect(requiredText(pattern).digit).toBe(digit);
  });

  it('never turns away a text the pattern matches, whatever the pattern and text', () => {
    const seed = propertySeed('required literal property');
    const pattern = fc.array(patternPiece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')).filter(compiles);
    const text = fc.array(textPiece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (written, texts) => {
        const test = regexTest(written);
        for (const candidate of texts) expect(test(candidate)).toBe(re2(written, candidate));
      }),
      { seed, numRuns: 2_000 },
    );
  });

  it('turns away texts without the literal before re2js runs, the same answers either way', () => {
    const test = regexTest('commande\\s*#?\\d{4,}');
    expect(['COMMANDE #12345', 'Ma commande 9999 est où?', 'commande #12', 'une demande 12345'].map(test)).toEqual([true, true, false, false]);
  });

  it('turns away texts without a digit before re2js runs, the same answers either way', () => {
    const test = regexTest('\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b');
    expect(['514 555-1234', 'appelez le 5145551234', 'appelez-nous', '\u0665\u0661\u0664 555 1234'].map(test)).toEqual([true, true, false, false]);
  });
});

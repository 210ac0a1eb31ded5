import { describe, expect, it } from 'vitest';
import { compileCorpus, compileTemplate } from './compiledCorpus';
import { ENGLISH_CORPUS } from './englishCorpus';
import { FRENCH_CORPUS } from './frenchCorpus';
import { SPAMMERS } from './demoNames';
import { POST_THEMES, SCAMS } from './languageCorpus';

describe('compileTemplate', () => {
  it('splits a template around its slots, with a capitalised variant', () => {
    const compiled = compileTemplate('le {product} est-tu moulu à {place}?');
    expect(compiled.parts).toEqual(['le ', 'product', ' est-tu moulu à ', 'place', '?']);
    expect(compiled.capitalParts[0]).toBe('Le ');
    expect(compiled.endsSentence).toBe(true);
    expect(compileTemplate('Petite question:').endsSentence).toBe(false);
    expect(compileTemplate('').isEmpty).toBe(true);
  });

  it('refuses a slot it cannot fill', () => {
    expect(() => compileTemplate('hello {nom}')).toThrow(/\{nom\}/);
  });

  it('compiles both corpora', () => {
    expect(compileCorpus(FRENCH_CORPUS).question.generic.length).toBe(FRENCH_CORPUS.question.generic.length);
    expect(compileCorpus(ENGLISH_CORPUS).longSentences.length).toBe(ENGLISH_CORPUS.longSentences.length);
  });

  it('refuses an empty list, which nothing could be drawn from', () => {
    expect(() => compileCorpus({ ...ENGLISH_CORPUS, emojiLines: [] })).toThrow(/emojiLines is empty/);
    expect(() => compileCorpus({ ...FRENCH_CORPUS, question: { ...FRENCH_CORPUS.question, themed: { ...FRENCH_CORPUS.question.themed, shop: [] } } })).toThrow(
      /question\.themed\.shop is empty/,
    );
  });

  it('has something to say about every post theme and every scam, in both languages', () => {
    for (const corpus of [ENGLISH_CORPUS, FRENCH_CORPUS]) {
      for (const theme of POST_THEMES) {
        expect(corpus.question.themed[theme].length).toBeGreaterThanOrEqual(2);
        expect(corpus.praise.themed[theme].length).toBeGreaterThanOrEqual(2);
        expect(corpus.posts[theme].headlines.length).toBeGreaterThanOrEqual(2);
      }
      for (const scam of SCAMS) {
        expect(corpus.spam.pitches[scam].length).toBeGreaterThanOrEqual(2);
        expect(corpus.spam.again.lines[scam].length).toBeGreaterThanOrEqual(3);
      }
    }
    expect(new Set(SPAMMERS.map(([, , , scam]) => scam))).toEqual(new Set(SCAMS));
  });
});

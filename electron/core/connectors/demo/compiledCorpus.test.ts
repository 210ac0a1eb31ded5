import { describe, expect, it } from 'vitest';
import { compileCorpus, compileTemplate } from './compiledCorpus';
import { ENGLISH_CORPUS } from './englishCorpus';
import { FRENCH_CORPUS } from './frenchCorpus';

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
    expect(compileCorpus(FRENCH_CORPUS).question.bodies.length).toBe(FRENCH_CORPUS.question.bodies.length);
    expect(compileCorpus(ENGLISH_CORPUS).longSentences.length).toBe(ENGLISH_CORPUS.longSentences.length);
  });
});

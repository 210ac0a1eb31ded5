import type { LanguageCorpus, Templates } from './languageCorpus';

/**
 * A template split once into literal, slot, literal…: filling it is then plain concatenation,
 * which matters when a benchmark asks for a million messages.
 */
export type CompiledTemplate = {
  parts: readonly string[];
  /** The same with a capital first letter, for a body that starts a sentence. */
  capitalParts: readonly string[];
  isEmpty: boolean;
  /** Whether the text after it starts a new sentence. */
  endsSentence: boolean;
};

export type CompiledTemplates = Readonly<Record<keyof Templates, readonly CompiledTemplate[]>>;

export type CompiledCorpus = {
  readonly [K in keyof LanguageCorpus]: LanguageCorpus[K] extends Templates ? CompiledTemplates : readonly CompiledTemplate[];
};

export const SLOTS = ['product', 'place', 'brand', 'days', 'name'] as const;
export type Slot = (typeof SLOTS)[number];

const SLOT = /\{(\w+)\}/;
const SENTENCE_END = /[.!?🎉🔥]$/u;

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function compileTemplate(template: string): CompiledTemplate {
  const parts = template.split(SLOT);
  parts.forEach((part, i) => {
    if (i % 2 === 1 && !(SLOTS as readonly string[]).includes(part)) throw new Error(`Demo corpus: unknown slot {${part}} in "${template}"`);
  });
  return {
    parts,
    capitalParts: parts.map((part, i) => (i === 0 ? capitalise(part) : part)),
    isEmpty: template === '',
    endsSentence: SENTENCE_END.test(template),
  };
}

export function compileCorpus(corpus: LanguageCorpus): CompiledCorpus {
  const all = (templates: readonly string[]): CompiledTemplate[] => templates.map(compileTemplate);
  const three = (templates: Templates): CompiledTemplates => ({
    openings: all(templates.openings),
    bodies: all(templates.bodies),
    closings: all(templates.closings),
  });
  return {
    question: three(corpus.question),
    praise: three(corpus.praise),
    complaint: three(corpus.complaint),
    crisis: three(corpus.crisis),
    spam: three(corpus.spam),
    hostile: three(corpus.hostile),
    brandThanks: three(corpus.brandThanks),
    brandApology: three(corpus.brandApology),
    brandAnswer: three(corpus.brandAnswer),
    emojiLines: all(corpus.emojiLines),
    longSentences: all(corpus.longSentences),
    postHeadlines: all(corpus.postHeadlines),
    postCallsToAction: all(corpus.postCallsToAction),
  };
}

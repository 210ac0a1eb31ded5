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

export type CompiledTemplates = Compiled<Templates>;

/** A corpus with every template string compiled, same shape otherwise. */
export type Compiled<T> = T extends string
  ? CompiledTemplate
  : T extends readonly (infer U)[]
    ? readonly Compiled<U>[]
    : { readonly [K in keyof T]: Compiled<T[K]> };

export type CompiledCorpus = Compiled<LanguageCorpus>;

export const SLOTS = ['product', 'place', 'brand', 'days', 'order', 'name'] as const;
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

/** Compiles every template of a corpus; refuses a corpus with an empty list, which nothing could be drawn from. */
export function compileCorpus(corpus: LanguageCorpus): CompiledCorpus {
  return compileDeep(corpus, 'corpus') as CompiledCorpus;
}

function compileDeep(value: unknown, path: string): unknown {
  if (typeof value === 'string') return compileTemplate(value);
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`Demo corpus: ${path} is empty`);
    return value.map((item: unknown, i) => compileDeep(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compileDeep(item, `${path}.${key}`)]));
  }
  throw new Error(`Demo corpus: ${path} is not text`);
}

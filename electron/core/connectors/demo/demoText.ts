import type { DemoLanguage } from './demoAuthorPool';
import { DEMO_BRAND_NAME, DEMO_PLACES, DEMO_PRODUCTS } from './demoBrand';
import type { DemoRandom } from './demoRandom';
import type { CompiledCorpus, CompiledTemplate, CompiledTemplates, Slot } from './compiledCorpus';
import { capitalise, compileCorpus } from './compiledCorpus';
import { ENGLISH_CORPUS } from './englishCorpus';
import { FRENCH_CORPUS } from './frenchCorpus';
import type { DemoCategory, MessageCategory } from './languageCorpus';

/** A hostile message that tries HTML injection: the UI must show it as plain text. */
export const HTML_INJECTION_TEXT =
  'You guys are a joke <script>alert(1)</script> <img src=x onerror=alert(1)> fix your website';

const CORPORA: Readonly<Record<DemoLanguage, CompiledCorpus>> = { fr: compileCorpus(FRENCH_CORPUS), en: compileCorpus(ENGLISH_CORPUS) };
const EMOJIS = ['☕', '😍', '🔥', '🙌', '❤️', '😋', '👌', '✨', '🥐', '🍁', '😂', '🤤', '💯', '🎉', '😭', '👏', '🫶', '🤎'] as const;
const LONG_MIN_LENGTH = 600;
const INJECTION_SHARE = 0.2;
const HASHTAGS = ' #café #montréal #mtl #coffee';

/** Who a message answers: a brand reply greets `name` and fits the conversation's `topic`. */
export type TextContext = { name: string; topic: MessageCategory };

export function composeText(random: DemoRandom, category: DemoCategory, language: DemoLanguage, context: TextContext): string {
  const corpus = CORPORA[language];
  switch (category) {
    case 'brandReply':
      return threePart(random, brandTemplates(corpus, context.topic), context.name);
    case 'emoji':
      return emojiText(random, corpus);
    case 'long':
      return longText(random, corpus);
    case 'hostile':
      if (language === 'en' && random.chance(INJECTION_SHARE)) return HTML_INJECTION_TEXT;
      return threePart(random, corpus.hostile, context.name);
    default:
      return threePart(random, corpus[category], context.name);
  }
}

/** A post by the brand: headline and call to action, with hashtags where people use them. */
export function composePostText(random: DemoRandom, language: DemoLanguage, withHashtags: boolean): string {
  const corpus = CORPORA[language];
  const text = `${fill(random.pick(corpus.postHeadlines), random, '')} ${fill(random.pick(corpus.postCallsToAction), random, '')}`;
  return withHashtags ? text + HASHTAGS : text;
}

function brandTemplates(corpus: CompiledCorpus, topic: MessageCategory): CompiledTemplates {
  if (topic === 'praise' || topic === 'emoji') return corpus.brandThanks;
  if (topic === 'question') return corpus.brandAnswer;
  return corpus.brandApology;
}

function threePart(random: DemoRandom, templates: CompiledTemplates, name: string): string {
  const opening = random.pick(templates.openings);
  const body = fill(random.pick(templates.bodies), random, name, opening.isEmpty || opening.endsSentence);
  const closing = fill(random.pick(templates.closings), random, name);
  const sentence = opening.isEmpty ? body : `${fill(opening, random, name)} ${body}`;
  return closing === '' ? sentence : `${sentence} ${closing}`;
}

function emojiText(random: DemoRandom, corpus: CompiledCorpus): string {
  if (random.chance(0.15)) return emojiRun(random, 6 + random.int(7));
  const line = fill(random.pick(corpus.emojiLines), random, '');
  return `${emojiRun(random, 1 + random.int(4))} ${line} ${emojiRun(random, 2 + random.int(5))}`;
}

function emojiRun(random: DemoRandom, length: number): string {
  let run = '';
  for (let i = 0; i < length; i++) run += random.pick(EMOJIS);
  return run;
}

/** Consecutive sentences from a random start read as one story rather than a jumble. */
function longText(random: DemoRandom, corpus: CompiledCorpus): string {
  const sentences = corpus.longSentences;
  let text = '';
  for (let i = random.int(sentences.length); text.length < LONG_MIN_LENGTH; i++) {
    const sentence = sentences[i % sentences.length];
    if (sentence === undefined) break;
    text += `${fill(sentence, random, '')} `;
  }
  return text + fill(random.pick(corpus.complaint.closings), random, '');
}

function fill(template: CompiledTemplate, random: DemoRandom, name: string, startsSentence = false): string {
  const parts = startsSentence ? template.capitalParts : template.parts;
  if (parts.length === 1) return parts[0] ?? '';
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      text += parts[i];
      continue;
    }
    // compileTemplate vouched for the slot names.
    const value = slotValue(parts[i] as Slot, random, name);
    text += startsSentence && text === '' ? capitalise(value) : value;
  }
  return text;
}

function slotValue(slot: Slot, random: DemoRandom, name: string): string {
  switch (slot) {
    case 'product':
      return random.pick(DEMO_PRODUCTS);
    case 'place':
      return random.pick(DEMO_PLACES);
    case 'brand':
      return DEMO_BRAND_NAME;
    case 'days':
      return String(3 + random.int(19));
    case 'name':
      return name;
  }
}

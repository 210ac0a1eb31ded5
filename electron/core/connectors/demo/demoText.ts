import type { DemoLanguage } from './demoAuthorPool';
import { DEMO_BRAND_NAME, DEMO_PLACES, DEMO_PRODUCTS } from './demoBrand';
import type { DemoRandom } from './demoRandom';
import { ENGLISH_CORPUS } from './englishCorpus';
import { FRENCH_CORPUS } from './frenchCorpus';
import type { DemoCategory, LanguageCorpus, MessageCategory, Templates } from './languageCorpus';

/** A hostile message that tries HTML injection: the UI must show it as plain text. */
export const HTML_INJECTION_TEXT =
  'You guys are a joke <script>alert(1)</script> <img src=x onerror=alert(1)> fix your website';

const CORPORA: Readonly<Record<DemoLanguage, LanguageCorpus>> = { fr: FRENCH_CORPUS, en: ENGLISH_CORPUS };
const EMOJIS = ['☕', '😍', '🔥', '🙌', '❤️', '😋', '👌', '✨', '🥐', '🍁', '😂', '🤤', '💯', '🎉', '😭', '👏', '🫶', '🤎'] as const;
const SLOT = /\{(\w+)\}/;
const SENTENCE_END = /[.!?🎉🔥]$/u;
const LONG_MIN_LENGTH = 600;
const INJECTION_SHARE = 0.2;

/** Who a message answers: a brand reply greets `name` and fits the conversation's `topic`. */
export type TextContext = { name: string; topic: MessageCategory };

export function composeText(random: DemoRandom, category: DemoCategory, language: DemoLanguage, context: TextContext): string {
  const corpus = CORPORA[language];
  const { name } = context;
  switch (category) {
    case 'brandReply':
      return threePart(random, brandTemplates(corpus, context.topic), name);
    case 'emoji':
      return emojiText(random, corpus);
    case 'long':
      return longText(random, corpus);
    case 'hostile':
      if (language === 'en' && random.chance(INJECTION_SHARE)) return HTML_INJECTION_TEXT;
      return threePart(random, corpus.hostile, name);
    default:
      return threePart(random, corpus[category], name);
  }
}

/** A post by the brand: headline and call to action, with hashtags where people use them. */
export function composePostText(random: DemoRandom, language: DemoLanguage, withHashtags: boolean): string {
  const corpus = CORPORA[language];
  const text = `${fill(random.pick(corpus.postHeadlines), random, '')} ${random.pick(corpus.postCallsToAction)}`;
  return withHashtags ? `${text} #café #montréal #mtl #coffee` : text;
}

function brandTemplates(corpus: LanguageCorpus, topic: MessageCategory): Templates {
  if (topic === 'praise' || topic === 'emoji') return corpus.brandThanks;
  if (topic === 'question') return corpus.brandAnswer;
  return corpus.brandApology;
}

function threePart(random: DemoRandom, templates: Templates, name: string): string {
  const opening = fill(random.pick(templates.openings), random, name);
  const body = fill(random.pick(templates.bodies), random, name);
  const closing = fill(random.pick(templates.closings), random, name);
  if (opening === '') return closing === '' ? capitalise(body) : `${capitalise(body)} ${closing}`;
  const sentence = `${opening} ${SENTENCE_END.test(opening) ? capitalise(body) : body}`;
  return closing === '' ? sentence : `${sentence} ${closing}`;
}

function emojiText(random: DemoRandom, corpus: LanguageCorpus): string {
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
function longText(random: DemoRandom, corpus: LanguageCorpus): string {
  const sentences = corpus.longSentences;
  let text = '';
  for (let i = random.int(sentences.length); text.length < LONG_MIN_LENGTH; i++) {
    text += `${fill(sentences[i % sentences.length] ?? '', random, '')} `;
  }
  return `${text}${random.pick(corpus.complaint.closings)}`.trim();
}

/** Templates split once into literal, slot, literal…: filling is then plain concatenation. */
const compiledTemplates = new Map<string, readonly string[]>();

function fill(template: string, random: DemoRandom, name: string): string {
  let parts = compiledTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(SLOT);
    compiledTemplates.set(template, parts);
  }
  if (parts.length === 1) return template;
  let text = '';
  for (let i = 0; i < parts.length; i++) text += i % 2 === 0 ? parts[i] : slotValue(parts[i] ?? '', random, name);
  return text;
}

function slotValue(slot: string, random: DemoRandom, name: string): string {
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
    default:
      throw new Error(`Demo corpus: unknown slot {${slot}}`);
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

import type { Step } from './demoArc';
import type { DemoLanguage } from './demoAuthorPool';
import { DEMO_BRAND_NAME } from './demoBrand';
import type { DemoRandom } from './demoRandom';
import type { Compiled, CompiledCorpus, CompiledTemplate, CompiledTemplates, Slot } from './compiledCorpus';
import { capitalise, compileCorpus, compileTemplate } from './compiledCorpus';
import { ENGLISH_CORPUS } from './englishCorpus';
import { FRENCH_CORPUS } from './frenchCorpus';
import type { MessageCategory, PostTheme, Scam, Wrapper } from './languageCorpus';

/** A hostile message that tries HTML injection: the UI must show it as plain text. */
export const HTML_INJECTION_TEXT =
  'You guys are a joke <script>alert(1)</script> <img src=x onerror=alert(1)> fix your website';

const CORPORA: Readonly<Record<DemoLanguage, CompiledCorpus>> = { fr: compileCorpus(FRENCH_CORPUS), en: compileCorpus(ENGLISH_CORPUS) };
const EMOJIS = ['☕', '😍', '🔥', '🙌', '❤️', '😋', '👌', '✨', '🥐', '🍁', '😂', '🤤', '💯', '🎉', '😭', '👏', '🫶', '🤎'] as const;
const LONG_MIN_LENGTH = 600;
/** How many of a long message's sentences it keeps. */
const LONG_KEEP_SHARE = 0.8;
const EMPTY = compileTemplate('');
const INJECTION_SHARE = 0.2;
/** How often the brand thanks for praise in words that fit it, rather than in general ones. */
const FITTING_THANKS_SHARE = 0.6;
const HASHTAGS = ' #café #montréal #mtl #coffee';

/**
 * What a conversation's messages share, so they agree with one another: its topic, the post
 * theme its subjects come from (null: any subject), whom the brand and bystanders address
 * (`name`), and the slot values.
 */
export type TextContext = Readonly<{
  topic: MessageCategory;
  theme: PostTheme | null;
  scam: Scam | null;
  name: string;
  product: string;
  place: string;
  days: string;
  order: string;
}>;

/** What a post needs to be written: its slot values. */
export type PostContext = Pick<TextContext, 'product' | 'place'>;

type Pools<S> = Readonly<Record<PostTheme | 'generic', readonly S[]>>;
type SubjectOf<K extends 'question' | 'praise'> = CompiledCorpus[K]['generic'][number];

/**
 * Question and praise subjects by theme: a post's own subjects first, then the generic ones,
 * so a conversation about a post may go on to other things (with other slot values: the
 * stream fills a generic subject with a coffee and a shop the post does not name).
 */
const POOLS: Readonly<Record<DemoLanguage, { question: Pools<SubjectOf<'question'>>; praise: Pools<SubjectOf<'praise'>> }>> = {
  fr: { question: poolsOf(CORPORA.fr.question), praise: poolsOf(CORPORA.fr.praise) },
  en: { question: poolsOf(CORPORA.en.question), praise: poolsOf(CORPORA.en.praise) },
};

function poolsOf<S>(subjects: { readonly generic: readonly S[]; readonly themed: Readonly<Record<PostTheme, readonly S[]>> }): Pools<S> {
  const { generic, themed } = subjects;
  return {
    generic,
    product: [...themed.product, ...generic],
    shop: [...themed.shop, ...generic],
    giveaway: [...themed.giveaway, ...generic],
    school: [...themed.school, ...generic],
  };
}

/**
 * How many subjects a conversation on a topic may go through, in a language, and how many of
 * them it may open on: a conversation about a post opens on the post's own subjects.
 */
export function subjectCount(language: DemoLanguage, topic: MessageCategory, theme: PostTheme | null): { all: number; opening: number } {
  const corpus = CORPORA[language];
  let all = 1;
  let themed = 0;
  if (topic === 'question' || topic === 'praise') {
    all = POOLS[language][topic][theme ?? 'generic'].length;
    themed = theme === null ? 0 : corpus[topic].themed[theme].length;
  } else if (topic === 'complaint' || topic === 'long') {
    all = corpus.complaint.subjects.length;
  } else if (topic === 'crisis') {
    all = corpus.crisis.subjects.length;
  }
  return { all, opening: theme === null ? all : themed };
}

/**
 * The text of one message: `step` of a conversation on `context.topic`, about `subject`.
 * Lines that come back within a conversation (thanks, bumps, rants…) take their body from
 * `variant`, which differs from one message of the conversation to the next, so they do not
 * repeat word for word.
 */
export function composeText(random: DemoRandom, step: Step, subject: number, variant: number, language: DemoLanguage, context: TextContext): string {
  const corpus = CORPORA[language];
  const { followUps, brand } = corpus;
  switch (step) {
    case 'open':
      return opener(random, corpus, language, context, subject, variant, null);
    case 'also':
      return opener(random, corpus, language, context, subject, variant, followUps.also);
    case 'bump':
      return threePart(random, followUps.bump, context, variant);
    case 'thanks':
      return threePart(random, followUps.thanks, context, variant);
    case 'details':
      return wrap(random, followUps.details, random.pick(detailsOf(corpus, context.topic, subject)), context);
    case 'satisfied':
      return threePart(random, followUps.satisfied, context, variant);
    case 'praiseReply':
      return threePart(random, followUps.praiseReply, context, variant);
    case 'crisisAck':
      return threePart(random, followUps.crisisAck, context, variant);
    case 'crisisFollowUp':
      return wrap(random, followUps.crisisFollowUp, byVariant(nth(corpus.crisis.subjects, subject).followUps, variant), context);
    case 'calmDown':
      return threePart(random, followUps.calmDown, context, variant);
    case 'spamAgain':
      return wrap(random, corpus.spam.again, byVariant(corpus.spam.again.lines[context.scam ?? 'crypto'], variant), context);
    case 'hostileAgain':
      return threePart(random, random.chance(0.5) ? corpus.hostile : followUps.rant, context, variant);
    case 'emoji':
      return emojiText(random, corpus, context);
    case 'answer':
      return wrap(random, brand.answer, random.pick(questionOf(language, context, subject).answers), context);
    case 'thank':
      if (context.topic === 'praise' && random.chance(FITTING_THANKS_SHARE)) {
        return wrap(random, brand.thanks, random.pick(praiseOf(language, context, subject).thanks), context);
      }
      return threePart(random, brand.thanks, context, variant);
    case 'apologise':
      return wrap(random, brand.apology, random.pick(complaintOf(corpus, subject).apologies), context);
    case 'fix':
      return wrap(random, brand.fix, random.pick(complaintOf(corpus, subject).fixes), context);
    case 'escalate':
      return wrap(random, brand.escalation, random.pick(nth(corpus.crisis.subjects, subject).escalations), context);
    case 'update':
      return wrap(random, brand.update, random.pick(nth(corpus.crisis.subjects, subject).updates), context);
    case 'crisisNews':
      return wrap(random, brand.crisisNews, byVariant(nth(corpus.crisis.subjects, subject).news, variant), context);
    case 'deEscalate':
      return threePart(random, brand.deEscalation, context, variant);
    case 'bystander':
      return bystanderText(random, corpus, context, variant);
  }
}

/** A post by the brand: headline and call to action, with hashtags where people use them. */
export function composePostText(random: DemoRandom, language: DemoLanguage, theme: PostTheme, withHashtags: boolean, context: PostContext): string {
  const { headlines, callsToAction } = CORPORA[language].posts[theme];
  const slots: TextContext = { ...context, topic: 'praise', theme, scam: null, name: '', days: '', order: '' };
  const text = `${fill(random.pick(headlines), slots)} ${fill(random.pick(callsToAction), slots)}`;
  return withHashtags ? text + HASHTAGS : text;
}

/** What opens a conversation, or a later round of it after `also` ("One more thing:"). */
function opener(
  random: DemoRandom,
  corpus: CompiledCorpus,
  language: DemoLanguage,
  context: TextContext,
  subject: number,
  variant: number,
  also: readonly CompiledTemplate[] | null,
): string {
  switch (context.topic) {
    case 'question':
      return wrap(random, openedBy(also, corpus.question), random.pick(questionOf(language, context, subject).asks), context);
    case 'praise':
      return wrap(random, openedBy(also, corpus.praise), random.pick(praiseOf(language, context, subject).praises), context);
    case 'long':
    case 'complaint':
      if (subject < 0) return longText(random, corpus, context);
      return wrap(random, openedBy(also, corpus.complaint), random.pick(nth(corpus.complaint.subjects, subject).complaints), context);
    case 'crisis':
      return wrap(random, corpus.crisis, random.pick(nth(corpus.crisis.subjects, subject).reports), context);
    case 'spam':
      return wrap(random, corpus.spam, random.pick(corpus.spam.pitches[context.scam ?? 'crypto']), context);
    case 'hostile':
      return hostileText(random, corpus, language, context, variant);
    case 'emoji':
      return emojiText(random, corpus, context);
  }
}

const questionOf = (language: DemoLanguage, context: TextContext, subject: number) => nth(POOLS[language].question[context.theme ?? 'generic'], subject);
const praiseOf = (language: DemoLanguage, context: TextContext, subject: number) => nth(POOLS[language].praise[context.theme ?? 'generic'], subject);
const complaintOf = (corpus: CompiledCorpus, subject: number) => (subject < 0 ? corpus.longSubject : nth(corpus.complaint.subjects, subject));

function detailsOf(corpus: CompiledCorpus, topic: MessageCategory, subject: number): readonly CompiledTemplate[] {
  return topic === 'crisis' ? nth(corpus.crisis.subjects, subject).details : complaintOf(corpus, subject).details;
}

/** A wrapper whose openings are `also`'s when there are some ("One more thing:"). */
const openedBy = (also: readonly CompiledTemplate[] | null, wrapper: Compiled<Wrapper>): Compiled<Wrapper> =>
  also === null ? wrapper : { openings: also, closings: wrapper.closings };

/** A hostile opener, now and then pasted HTML in English. */
function hostileText(random: DemoRandom, corpus: CompiledCorpus, language: DemoLanguage, context: TextContext, variant: number): string {
  if (language === 'en' && random.chance(INJECTION_SHARE)) return HTML_INJECTION_TEXT;
  return threePart(random, corpus.hostile, context, variant);
}

function bystanderText(random: DemoRandom, corpus: CompiledCorpus, context: TextContext, variant: number): string {
  switch (context.topic) {
    case 'emoji':
      return emojiText(random, corpus, context);
    case 'long':
      return threePart(random, corpus.bystanders.complaint, context, variant);
    default:
      return threePart(random, corpus.bystanders[context.topic], context, variant);
  }
}

function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`Demo corpus: no subject ${index} of ${list.length}`);
  return value;
}

function threePart(random: DemoRandom, templates: CompiledTemplates, context: TextContext, variant: number): string {
  return wrap(random, templates, byVariant(templates.bodies, variant), context);
}

/** A line that comes back in a conversation: the next of its list each time. */
const byVariant = (lines: readonly CompiledTemplate[], variant: number): CompiledTemplate => nth(lines, variant % lines.length);


/** Opening, body and closing, the body capitalised when it starts a sentence. */
function wrap(random: DemoRandom, wrapper: Compiled<Wrapper>, template: CompiledTemplate, context: TextContext): string {
  const opening = random.pick(wrapper.openings);
  const body = fill(template, context, opening.isEmpty || opening.endsSentence);
  const closing = fill(random.pick(wrapper.closings), context);
  const sentence = opening.isEmpty ? body : `${fill(opening, context)} ${body}`;
  return closing === '' ? sentence : `${sentence} ${closing}`;
}

function emojiText(random: DemoRandom, corpus: CompiledCorpus, context: TextContext): string {
  if (random.chance(0.15)) return emojiRun(random, 6 + random.int(7));
  const line = fill(random.pick(corpus.emojiLines), context);
  return `${emojiRun(random, 1 + random.int(4))} ${line} ${emojiRun(random, 2 + random.int(5))}`;
}

function emojiRun(random: DemoRandom, length: number): string {
  let run = '';
  for (let i = 0; i < length; i++) run += random.pick(EMOJIS);
  return run;
}

/**
 * A story told in order, from its first or second sentence, skipping a few: it reads as one
 * message rather than a jumble, and no two read quite the same.
 */
function longText(random: DemoRandom, corpus: CompiledCorpus, context: TextContext): string {
  const sentences = corpus.longSentences;
  const start = random.int(2);
  let text = '';
  for (let i = start; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (sentence !== undefined && (i === start || random.chance(LONG_KEEP_SHARE))) text += `${fill(sentence, context)} `;
  }
  if (text.length < LONG_MIN_LENGTH) {
    // Too many skipped, which is rare: the whole story then.
    text = '';
    for (let i = start; i < sentences.length; i++) text += `${fill(sentences[i] ?? EMPTY, context)} `;
  }
  return text + fill(random.pick(corpus.complaint.closings), context);
}

function fill(template: CompiledTemplate, context: TextContext, startsSentence = false): string {
  const parts = startsSentence ? template.capitalParts : template.parts;
  if (parts.length === 1) return parts[0] ?? '';
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      text += parts[i];
      continue;
    }
    // compileTemplate vouched for the slot names.
    const value = slotValue(parts[i] as Slot, context);
    text += startsSentence && text === '' ? capitalise(value) : value;
  }
  return text;
}

function slotValue(slot: Slot, context: TextContext): string {
  switch (slot) {
    case 'product':
      return context.product;
    case 'place':
      return context.place;
    case 'brand':
      return DEMO_BRAND_NAME;
    case 'days':
      return context.days;
    case 'order':
      return context.order;
    case 'name':
      return context.name;
  }
}

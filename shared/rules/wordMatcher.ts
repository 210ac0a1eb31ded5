import { foldText } from '../text/foldText';
import { WordIndex } from './wordIndex';

// Word lists as rules, the spam score and sensitive topics match them: folded, whole words, prefixes, phrases.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Folded like search, and one apostrophe: people type "c'est" and phones "c’est". */
export const foldForRules = (text: string): string => foldText(text).replace(/[’`]/gu, "'");

/** A list's word as every matcher reads it: folded, without the `*` that makes it a prefix. */
function wordLiteral(word: string): { literal: string; isPrefix: boolean } {
  const folded = foldForRules(word.trim());
  const isPrefix = folded.endsWith('*');
  return { literal: isPrefix ? folded.slice(0, -1) : folded, isPrefix };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whole words, folded like search ("Hôpital" meets "hopital"); `rembours*` is a prefix. Words
 * may be phrases ("mise en demeure"). An end that is not a letter or digit (an emoji, "$") needs
 * no boundary: "Service😡" holds the word 😡. Escaped literals joined by |: no backtracking beyond them.
 */
export function wordPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => {
    const { literal, isPrefix } = wordLiteral(word);
    const before = WORD_CHAR.test(literal.slice(0, 1)) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = isPrefix ? '[\\p{L}\\p{N}]*(?![\\p{L}\\p{N}])' : WORD_CHAR.test(literal.slice(-1)) ? '(?![\\p{L}\\p{N}])' : '';
    return `${before}${escapeRegExp(literal)}${after}`;
  });
  return new RegExp(`(?:${alternatives.join('|')})`, 'u');
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const ONE_TOKEN = /^[\p{L}\p{N}]+$/u;
const FIRST_TOKEN = /^[\p{L}\p{N}]+/u;

/**
 * A text as word lists read it: folded; its words (the longest runs of letters and digits, the
 * very boundaries `wordPattern` uses) and their set, each made when first needed. A name's two
 * words are walked, never put in a set.
 */
class FoldedText {
  readonly folded: string;
  private words: readonly string[] | null = null;
  private wordSet: ReadonlySet<string> | null = null;
  private held: readonly number[] = [];
  private heldStamp = 0;
  constructor(text: string) {
    this.folded = foldForRules(text);
  }

  /** The lists of the index that hold one of the words, worked out once per text and index state. */
  listsHeld(index: WordIndex): readonly number[] {
    if (this.heldStamp !== index.stamp) {
      this.held = index.listsHolding(this.list);
      this.heldStamp = index.stamp;
    }
    return this.held;
  }

  get list(): readonly string[] {
    return (this.words ??= this.folded.match(TOKEN) ?? []);
  }

  get set(): ReadonlySet<string> {
    return (this.wordSet ??= new Set(this.list));
  }
}

// Every rule reads the same few strings of a message (its text, the author's name and handle):
// fold each once, and cut it into words once. A handful of entries, cleared when full:
// messages come one after another. Short strings (names, handles, "Merci !") come back from
// message to message, the same people writing again: many more of them are kept. Folding
// and cutting the author's name for every message measured about a third of what fifty rules'
// conditions cost (the bench's 100,000 messages have 3,981 names among 12,782 authors). The
// last one asked is checked first, by identity: fifty rules ask about the same text in turn,
// and a map look-up each cost more than some lists.
const CACHE_MAX = 32;
const SHORT_LENGTH = 64;
const SHORT_CACHE_MAX = 4_096;
const foldedCache = new Map<string, FoldedText>();
const shortCache = new Map<string, FoldedText>();
let lastText: string | null = null;
let lastFolded: FoldedText | null = null;
function foldedText(text: string): FoldedText {
  if (text === lastText && lastFolded !== null) return lastFolded;
  const isShort = text.length <= SHORT_LENGTH;
  const cache = isShort ? shortCache : foldedCache;
  let value = cache.get(text);
  if (value === undefined) {
    if (cache.size >= (isShort ? SHORT_CACHE_MAX : CACHE_MAX)) cache.clear();
    value = new FoldedText(text);
    cache.set(text, value);
  }
  lastText = text;
  lastFolded = value;
  return value;
}

/** `foldForRules`, kept for the last few texts. */
export const foldedForRules = (text: string): string => foldedText(text).folded;

/** Up to this many words, a text's words are walked rather than put in a set. */
const FEW_WORDS = 8;

/**
 * Whether a text holds any of these words, as `wordPattern` says, but faster for the common
 * case: a plain word (letters and digits only) is a lookup in the text's set of words, a plain
 * prefix a scan of its words; only phrases and words with other characters take the pattern.
 * Fifty rules' word lists on every message measured several times slower as patterns alone.
 */
export function wordMatcher(words: readonly string[]): (text: string) => boolean {
  const { exact, prefixes, others } = splitWords(words);
  const exactWords = [...exact];
  const holdsOther = otherMatcher(others);
  return (text) => {
    const tokens = foldedText(text);
    const list = tokens.list;
    // Whichever is shorter is walked: a crisis list of 30 words, or a two-word message (a name).
    if (exactWords.length <= list.length && list.length > FEW_WORDS) {
      for (const word of exactWords) if (tokens.set.has(word)) return true;
    } else {
      for (const token of list) if (exact.has(token)) return true;
    }
    // A word can only start with the prefix if the text holds it somewhere: one `includes` rules
    // out most texts, where a scan called `startsWith` on each of their words.
    // Loops rather than some(): a closure allocated per call, on every message for every list.
    for (const prefix of prefixes) if (tokens.folded.includes(prefix)) for (const token of list) if (token.startsWith(prefix)) return true;
    return holdsOther(tokens);
  };
}

/** A list's words as matchers take them: folded plain words, plain prefixes (without `*`), and the others as written. */
function splitWords(words: readonly string[]): { exact: Set<string>; prefixes: string[]; others: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const others: string[] = [];
  for (const word of words) {
    const { literal, isPrefix } = wordLiteral(word);
    if (!ONE_TOKEN.test(literal)) others.push(word);
    else if (isPrefix) prefixes.push(literal);
    else exact.add(literal);
  }
  return { exact, prefixes, others };
}

/** Whether a text holds one of the phrases (or words with other characters): their pattern, after a cheap filter. */
function otherMatcher(others: readonly string[]): (tokens: FoldedText) => boolean {
  if (others.length === 0) return () => false;
  const pattern = wordPattern(others);
  const mayHoldOther = othersFilter(others);
  return (tokens) => mayHoldOther(tokens) && pattern.test(tokens.folded);
}

/**
 * Whether a text may hold one of these phrases (or words with other characters), for much less
 * than their pattern: each is written as is in any text that holds it (`wordPattern` escapes it,
 * no more), and one that begins with a letter or digit also has its first word among the text's
 * words. The first word, looked up in the text's set, turns away most texts; `includes` then
 * turns away those that hold it alone ("in" without "in stock").
 */
function othersFilter(others: readonly string[]): (tokens: FoldedText) => boolean {
  const literals = others.map((word) => wordLiteral(word).literal);
  const firstWords = literals.map((literal) => FIRST_TOKEN.exec(literal)?.[0] ?? null);
  return (tokens) => {
    for (let index = 0; index < literals.length; index += 1) {
      const first = firstWords[index] ?? null;
      if ((first === null || tokens.set.has(first)) && tokens.folded.includes(literals[index] ?? '')) return true;
    }
    return false;
  };
}

/**
 * A word each phrase (or word with other characters) cannot be found without, for a gate: a text
 * holds the phrase only where `wordPattern` finds it, its ends at word boundaries, so each word of
 * the phrase is a whole word of the text; but for the last of a prefix phrase ("mise en dem*"),
 * which begins one. The longest whole word is taken (the least common, mostly: "stock" of "in
 * stock", "demeure" of "mise en demeure"), else that prefix. Null when a phrase has no word at
 * all (an emoji, "$$$"): nothing but its pattern tells.
 */
function phraseKeys(others: readonly string[]): { exact: string[]; prefixes: string[] } | null {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const word of others) {
    const { literal, isPrefix } = wordLiteral(word);
    const words = literal.match(TOKEN) ?? [];
    const lastBegins = isPrefix && WORD_CHAR.test(literal.slice(-1));
    const whole = lastBegins ? words.slice(0, -1) : words;
    const longest = whole.reduce<string | null>((found, candidate) => (found === null || candidate.length > found.length ? candidate : found), null);
    const last = words.at(-1);
    if (longest !== null) exact.push(longest);
    else if (lastBegins && last !== undefined) prefixes.push(last);
    else return null;
  }
  return { exact, prefixes };
}

/**
 * Where a word list sits in a word index: for a list of plain words and prefixes, the text holds
 * one of its words exactly when the index's walk over the text's words finds the list. A list
 * with phrases sits there by its plain words and a word of each phrase (`phraseKeys`): a text it
 * finds may hold none (a phrase is matched by its pattern), one it does not find holds none.
 */
export type WordGate = { readonly index: WordIndex; readonly list: number };

/** Whether a text holds one of the gate's list's words: the index walk every list of the text shares, done once per text. */
export const passesGate = (text: string, gate: WordGate): boolean => listsHeldBy(text, gate.index).includes(gate.list);

/** The lists of an index that hold one of a text's words (by number, maybe more than once). */
export const listsHeldBy = (text: string, index: WordIndex): readonly number[] => foldedText(text).listsHeld(index);

type SharedList = { matcher: (text: string) => boolean; gate: WordGate | null };

/**
 * One matcher per word list, shared by every condition that watches it (a tag rule and a
 * priority rule on the same words, say), remembering its last answer: all the rules of a
 * message ask about the same text, so the list is matched once per message. Their plain words
 * and prefixes are in one index, walked once per text for all of them. Bounded, for lists
 * edited many times in a session: past the bound both start again; a matcher made before (a
 * compiled rule still holds it) keeps its own index, which texts answer for as well.
 */
const SHARED_MATCHERS_MAX = 1024;
const sharedLists = new Map<string, SharedList>();
let sharedIndex = new WordIndex();
function sharedList(words: readonly string[]): SharedList {
  const key = JSON.stringify(words);
  let shared = sharedLists.get(key);
  if (shared === undefined) {
    if (sharedLists.size >= SHARED_MATCHERS_MAX) {
      sharedLists.clear();
      sharedIndex = new WordIndex();
    }
    const { exact, prefixes, others } = splitWords(words);
    const gate: WordGate = { index: sharedIndex, list: sharedIndex.add(exact, prefixes) };
    const keys = others.length === 0 ? null : phraseKeys(others);
    const holdsOther = otherMatcher(others);
    let lastText: string | null = null;
    let lastAnswer = false;
    const matcher = (text: string) => {
      if (text !== lastText) {
        lastAnswer = passesGate(text, gate) || holdsOther(foldedText(text));
        lastText = text;
      }
      return lastAnswer;
    };
    // A list with phrases opens on its plain words and one whole word of each phrase: a wider gate than the matcher's own list.
    const listGate = others.length === 0 ? gate : keys === null ? null : { index: sharedIndex, list: sharedIndex.add([...exact, ...keys.exact], [...prefixes, ...keys.prefixes]) };
    shared = { matcher, gate: listGate };
    sharedLists.set(key, shared);
  }
  return shared;
}

export const sharedWordMatcher = (words: readonly string[]): ((text: string) => boolean) => sharedList(words).matcher;

/** The list's gate in the shared index, when it has one: a rule that needs one of these words can be left out by it. */
export const sharedWordGate = (words: readonly string[]): WordGate | null => sharedList(words).gate;

/**
 * A gate for "starts with" this value, when it is letters and digits only: a text that starts
 * with them has a word that does (its first), so the prefix's list in the shared index holds it.
 */
export function sharedStartGate(value: string): WordGate | null {
  const start = foldForRules(value);
  return ONE_TOKEN.test(start) ? sharedWordGate([`${start}*`]) : null;
}

import { foldText } from './foldText';
import { EMOJI_PART, KEYCAP } from './textSignals';

// "@brand" or "@brand@mastodon.example": the mention a platform puts before the words.
const MENTION = /@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_.-]+)?/gu;
const QUESTION = /[?？¿]/u;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words that, alone, only thank, approve or cheer ("merci!", "thanks a lot", "c’est parfait
 * 👍"): they close an exchange rather than open one. Folded (no accents, lower case); an
 * apostrophe splits "c’est" into "c" and "est".
 */
const ACKNOWLEDGEMENT = new Set(
  [
    'merci', 'mercii', 'beaucoup', 'bien', 'mille', 'mercis', 'encore', 'parfait', 'super', 'genial', 'top', 'bravo', 'cool', 'ok', 'okay', 'oki', 'd', 'accord',
    'c', 'est', 'vraiment', 'tres', 'trop', 'j', 'adore', 'wow', 'yay', 'lol', 'mdr', 'haha', 'hihi', 'thanks', 'thank', 'you', 'so', 'much', 'a', 'lot', 'thx',
    'ty', 'great', 'perfect', 'awesome', 'nice', 'got', 'it', 'love', 'this', 'amazing', 'all', 'good', 'sounds', 'de', 'rien', 'ca', 'marche',
  ],
);
/** Longer than this, even acknowledgement words say something worth an answer. */
const ACKNOWLEDGEMENT_MAX_WORDS = 6;

/**
 * Whether a message from someone waits for the brand's answer: not when it is only emoji or
 * punctuation ("👍🏽", "❤️❤️", "!!!", "👨‍👩‍👧"), nor a short thanks or approval ("merci!",
 * "thanks so much 🙏"). A question mark always asks, even alone ("???" after a long wait is
 * a nudge). A link, a number or any other word needs an answer.
 */
export function needsAnswer(text: string): boolean {
  if (QUESTION.test(text)) return true;
  const words = foldText(text.replace(KEYCAP, ' ').replace(EMOJI_PART, ' ').replace(MENTION, ' ')).match(WORD) ?? [];
  if (words.length === 0) return false;
  return words.length > ACKNOWLEDGEMENT_MAX_WORDS || words.some((word) => !ACKNOWLEDGEMENT.has(word));
}

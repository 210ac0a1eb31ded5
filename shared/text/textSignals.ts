/**
 * What a message's text shows at a glance, for rules and the spam score. Cheap checks, each one
 * pass over the text; none is a verdict on its own.
 */

// Emoji and what builds their sequences: pictographs, skin tones, the zero-width joiner,
// variation selectors, flags' regional indicators, tags, and keycaps ("1️⃣").
export const KEYCAP = /[#*0-9]\uFE0F?\u20E3/gu;
export const EMOJI_PART = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0E|\uFE0F|[\u{E0020}-\u{E007F}]/gu;

const LINK = /\bhttps?:\/\/\S|\bwww\.[\p{L}\p{N}-]+\.[\p{L}]{2,}/iu;
// A bare domain people paste ("promo.example.com/x"): names and dots, a known-shaped ending, a path.
const BARE_DOMAIN = /(?<![@\p{L}\p{N}.])(?:[\p{L}\p{N}-]+\.)+(?:com|net|org|io|co|ca|fr|me|ly|gg|xyz|info|biz|link|shop|app)\/\S*/iu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
// Ten digits or more, optionally grouped the North American or European way: "514 555-0199", "+33 6 12 34 56 78".
const PHONE = /(?<![\p{N}])\+?\d(?:[ .-]?\(?\d\)?){9,14}(?![\p{N}])/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** The link shapes, which hasLink asks only after its quick check (tested: it never changes an answer). */
export const LINK_PATTERNS: readonly RegExp[] = [LINK, BARE_DOMAIN];
/** What every link shape holds: a slash (a scheme, a path) or "www.". */
const MAY_HOLD_LINK = /\/|www\./iu;

/**
 * Most messages hold neither a slash nor "www.", and need no pass of the two patterns: ingest asks
 * about every message (the spam score, rules on links), where the two cost about 2 µs a message.
 */
export const hasLink = (text: string): boolean => MAY_HOLD_LINK.test(text) && LINK_PATTERNS.some((pattern) => pattern.test(text));
export const hasEmail = (text: string): boolean => EMAIL.test(text);
export const hasPhone = (text: string): boolean => PHONE.test(text);
export const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;

/** Some emoji and nothing else but spaces: "👍🏽", "❤️❤️", "👨‍👩‍👧". */
export const isOnlyEmoji = (text: string): boolean => text.trim() !== '' && text.replace(KEYCAP, '').replace(EMOJI_PART, '').trim() === '';

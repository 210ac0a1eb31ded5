/** A piece of message text: plain text, or a link safe to open in the system browser. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) only: platform text can hold anything, and only web links may become clickable.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»]+$/u;

/**
 * A link with a user name or password in it stays text: `https://bank.example@evil.example`
 * reads as the bank but opens evil.example, a phishing classic. So does one that does not parse.
 */
export const isClickable = (link: string): boolean => {
  const url = URL.parse(link);
  return url !== null && url.username === '' && url.password === '';
};

/** Appends text, joined to the previous text part so text stays in as few parts as possible. */
const pushText = (parts: TextPart[], text: string) => {
  const previous = parts.at(-1);
  if (previous?.kind === 'text') previous.text += text;
  else if (text !== '') parts.push({ kind: 'text', text });
};

/** Splits text into plain parts and links; the UI renders both as text nodes, never as HTML. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const link = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    pushText(parts, text.slice(last, start));
    if (isClickable(link)) parts.push({ kind: 'link', text: link, href: link });
    else pushText(parts, link);
    last = start + link.length;
  }
  pushText(parts, text.slice(last));
  return parts;
}

/**
 * A status's HTML as the plain text the inbox shows: line breaks kept, every tag dropped (the
 * text goes nowhere as HTML), entities decoded. Mastodon's content is a small, regular subset of
 * HTML (p, br, a, span; https://docs.joinmastodon.org/spec/activitypub/#sanitization), so a few
 * exact rules do; the hidden parts of long links (`<span class="invisible">`) are kept, which
 * gives the full address back.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>\s*<p(\s[^>]*)?>/gi, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(text).trim();
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Numeric references and the named ones Mastodon's sanitiser emits; anything else stays as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const isScalar = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return isScalar ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

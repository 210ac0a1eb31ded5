/**
 * A post's or message's words as X may give them back: without the @mentions it puts in front
 * of a reply, each link as t.co rewrote it counted as one, spaces and Unicode forms evened out.
 * Two texts that read the same here are the same reply.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^(\s*@\w{1,15})+\s*/u, '')
    .replace(/https?:\/\/\S+/gu, '<link>')
    .replace(/\s+/gu, ' ')
    .trim();
}

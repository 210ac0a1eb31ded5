import { foldText } from './foldText';

export type Mentionable = { id: string; name: string };

/** One `@Name` in a text: where it is (the `@` included) and who it names. */
export type MentionSpan = { start: number; end: number; personId: string; name: string };

/** Letters and digits continue a name: "@Julien" is not "@Julie". */
const NAME_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Folds one character at a time, so folded positions stay the text's own: "É" becomes "e",
 * never two characters, whatever the accents (foldText would shift every later index).
 */
const foldEach = (text: string): string[] => Array.from(text, (char) => foldText(char));

function matchesAt(folded: readonly string[], at: number, name: readonly string[]): boolean {
  if (at + name.length > folded.length) return false;
  for (let i = 0; i < name.length; i += 1) if (folded[at + i] !== name[i]) return false;
  const next = folded[at + name.length];
  return next === undefined || !NAME_CHAR.test(next);
}

/**
 * The teammates a text @mentions, in order: case and accents do not matter ("@julie gagnon" is
 * Julie Gagnon), names may hold spaces, and the longest name wins ("@Julie Gagnon" over
 * "@Julie"). An @word naming nobody stays plain text. Positions count code points' UTF-16
 * units as `String#slice` does.
 */
export function findMentions(text: string, people: readonly Mentionable[]): MentionSpan[] {
  const chars = Array.from(text);
  const folded = foldEach(text);
  const names = people
    .filter((person) => person.name.trim() !== '')
    .map((person) => ({ person, folded: foldEach(person.name.trim()) }))
    .sort((a, b) => b.folded.length - a.folded.length);
  const spans: MentionSpan[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    const previous = chars[i - 1];
    if (char === '@' && (previous === undefined || !NAME_CHAR.test(previous))) {
      const found = names.find((name) => matchesAt(folded, i + 1, name.folded));
      if (found) {
        const length = chars.slice(i, i + 1 + found.folded.length).join('').length;
        spans.push({ start: offset, end: offset + length, personId: found.person.id, name: found.person.name.trim() });
        offset += length;
        i += found.folded.length;
        continue;
      }
    }
    offset += char.length;
  }
  return spans;
}

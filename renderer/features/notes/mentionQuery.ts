import { foldText } from '../../../shared/text/foldText';

/** An `@name` being typed: where the `@` is, and what follows it up to the caret. */
export type MentionQuery = { start: number; query: string };

// An @ at the start or after whitespace, then up to 40 characters of a name (spaces included: "@Julie G").
const TYPED = /(?:^|\s)@([^\s@][^@\n]{0,39})?$/u;

/** The `@name` the caret is in, or null. */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const match = TYPED.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The teammates whose name starts with what was typed (accents and case aside), at most `max`. */
export function matchPeople<P extends { name: string }>(people: readonly P[], query: string, max = 8): P[] {
  const folded = foldText(query);
  return people.filter((person) => person.name.trim() !== '' && foldText(person.name).startsWith(folded)).slice(0, max);
}

/** The text with the `@query` replaced by `@Name `, and the caret right after it. */
export function insertMention(text: string, at: MentionQuery, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(at.start + 1 + at.query.length), caret: at.start + inserted.length };
}

import type { Note } from '../../../shared/api/notes';
import { findMentions } from '../../../shared/text/mentions';

/** A note's words with its @mentions marked, as they were resolved when it was written. */
export function NoteText({ note }: { note: Note }) {
  const spans = findMentions(note.text, note.mentions.map((mention) => ({ id: mention.personId, name: mention.name })));
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(note.text.slice(at, span.start));
    parts.push(<mark key={span.start} className="mention">{note.text.slice(span.start, span.end)}</mark>);
    at = span.end;
  }
  parts.push(note.text.slice(at));
  return <p className="note-text">{parts}</p>;
}

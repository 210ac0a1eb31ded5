import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const team = [
  { id: 'j', name: 'Julie' },
  { id: 'jg', name: 'Julie Gagnon' },
  { id: 'e', name: 'Élodie Bégin' },
  { id: 'blank', name: '  ' },
];

describe('findMentions', () => {
  it('resolves names with spaces and accents, whatever the case, the longest name winning', () => {
    const text = 'Voir avec @julie gagnon et @ELODIE BEGIN, puis @Julie.';
    const spans = findMentions(text, team);
    expect(spans.map((span) => [span.personId, text.slice(span.start, span.end)])).toEqual([
      ['jg', '@julie gagnon'],
      ['e', '@ELODIE BEGIN'],
      ['j', '@Julie'],
    ]);
    expect(spans[1]?.name).toBe('Élodie Bégin');
  });

  it('leaves an unknown @word, a longer word and an e-mail address as plain text', () => {
    expect(findMentions('@Julien, @nobody and julie@example.com', team)).toEqual([]);
  });

  it('keeps positions right after emoji and decomposed accents', () => {
    const text = '🙂 e\u0301 @Élodie Bégin';
    const [span] = findMentions(text, team);
    expect(span && text.slice(span.start, span.end)).toBe('@Élodie Bégin');
  });
});

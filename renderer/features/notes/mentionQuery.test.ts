import { describe, expect, it } from 'vitest';
import { findMentionQuery, insertMention, matchPeople } from './mentionQuery';

const people = [{ name: 'Julie Gagnon' }, { name: 'Élodie' }, { name: 'Marc' }];

describe('the @ picker', () => {
  it('follows an @name being typed, spaces included, and not an e-mail address', () => {
    expect(findMentionQuery('Vu avec @Julie G', 16)).toEqual({ start: 8, query: 'Julie G' });
    expect(findMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(findMentionQuery('julie@example', 13)).toBeNull();
  });

  it('matches names by their start, accents and case aside, and inserts the whole name', () => {
    expect(matchPeople(people, 'elo')).toEqual([{ name: 'Élodie' }]);
    expect(matchPeople(people, 'julie g')).toEqual([{ name: 'Julie Gagnon' }]);
    expect(matchPeople(people, 'julie gagnon merci')).toEqual([]);
    expect(insertMention('Voir @jul merci', { start: 5, query: 'jul' }, 'Julie Gagnon')).toEqual({ text: 'Voir @Julie Gagnon  merci', caret: 19 });
  });
});

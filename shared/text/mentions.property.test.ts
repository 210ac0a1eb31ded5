import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const FIRST = ['Julie', 'Élodie', 'Marc', 'Zoé', 'Anaïs'];
const LAST = ['Gagnon', 'Bégin', 'Côté'];
const PLAIN = ['merci', 'ok', 'le client', '3 $', '🙂', 'julie@example.com', '@personne'];
const SEPARATORS = [' ', ', ', '. ', '!', '\n', '?'];

const stripAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
const team = fc.uniqueArray(fc.tuple(fc.constantFrom(...FIRST), fc.option(fc.constantFrom(...LAST), { nil: undefined })), { minLength: 1, maxLength: 6, selector: ([first, last]) => `${first} ${last ?? ''}` });
/** How a person types a name: as is, lower or upper case, with or without its accents. */
const typed = fc.tuple(fc.constantFrom('same', 'lower', 'upper'), fc.boolean());

describe('findMentions (property; fast-check prints the seed to replay a failure)', () => {
  it('finds every @name written, however it is cased or accented, and nothing in the plain text around it', () => {
    fc.assert(
      fc.property(team, fc.array(fc.tuple(fc.nat(), typed, fc.constantFrom(...PLAIN), fc.constantFrom(...SEPARATORS)), { maxLength: 8 }), (pairs, parts) => {
        const people = pairs.map(([first, last], index) => ({ id: `p${index}`, name: last ? `${first} ${last}` : first }));
        let text = '';
        const expected: string[] = [];
        for (const [pick, [casing, isStripped], plain, separator] of parts) {
          const person = people[pick % people.length];
          if (!person) continue;
          let name = isStripped ? stripAccents(person.name) : person.name;
          if (casing === 'lower') name = name.toLowerCase();
          if (casing === 'upper') name = name.toUpperCase();
          text += `${plain} @${name}${separator}`;
          // The longest name written there wins: "@Julie Gagnon" is Julie Gagnon even when Julie is on the team too.
          expected.push(person.id);
        }
        expect(findMentions(text, people).map((span) => span.personId)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

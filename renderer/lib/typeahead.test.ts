import { describe, expect, it } from 'vitest';
import { typeaheadMatch } from './typeahead';

const labels = ['Léa Gagnon (me)', 'Ana Roy', 'Éric Tremblay', 'Émilie Roy', 'Nobody (unassign)'];

describe('listbox typeahead', () => {
  it('lands on the first label starting with what was typed, accents and case ignored', () => {
    expect(typeaheadMatch(labels, 'an', 0)).toBe(1);
    expect(typeaheadMatch(labels, 'EMI', 0)).toBe(3);
    expect(typeaheadMatch(labels, 'lea', 2)).toBe(0);
  });

  it('moves on to the next match when one letter is typed again, wrapping round', () => {
    expect(typeaheadMatch(labels, 'e', 0)).toBe(2);
    expect(typeaheadMatch(labels, 'e', 2)).toBe(3);
    expect(typeaheadMatch(labels, 'e', 3)).toBe(2);
  });

  it('keeps the active label while a longer search still matches it, and finds nothing for no match', () => {
    expect(typeaheadMatch(labels, 'em', 3)).toBe(3);
    expect(typeaheadMatch(labels, 'zo', 0)).toBeNull();
    expect(typeaheadMatch(labels, '', 0)).toBeNull();
  });
});

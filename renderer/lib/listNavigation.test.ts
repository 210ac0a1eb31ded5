import { describe, expect, it } from 'vitest';
import { listKeyStep, TYPEAHEAD_MS, type ListKeyPress, type ListShape } from './listNavigation';

const press = (key: string, modifiers: Partial<ListKeyPress> = {}): ListKeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });
const fresh = { text: '', at: 0 };
const NOW = 1_000_000;
const snooze: ListShape = { count: 3, labels: ['Later today', 'Tomorrow morning', 'Next week'] };
const palette: ListShape = { count: 4, hasTextField: true };

describe('a list of options and the keyboard', () => {
  it('moves with the arrows, stopping at the ends unless it wraps', () => {
    expect(listKeyStep(press('ArrowDown'), 0, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 1 });
    expect(listKeyStep(press('ArrowDown'), 2, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 2 });
    expect(listKeyStep(press('ArrowUp'), 0, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 0 });
    expect(listKeyStep(press('ArrowDown'), 2, { ...snooze, wraps: true }, fresh, NOW)).toEqual({ kind: 'move', active: 0 });
    expect(listKeyStep(press('ArrowUp'), 0, { ...snooze, wraps: true }, fresh, NOW)).toEqual({ kind: 'move', active: 2 });
  });

  it('goes to the first and last option with Home and End, which a text field keeps for its caret', () => {
    expect(listKeyStep(press('End'), 0, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 2 });
    expect(listKeyStep(press('Home'), 2, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 0 });
    expect(listKeyStep(press('End'), 0, palette, fresh, NOW)).toBeNull();
    expect(listKeyStep(press('Home'), 2, palette, fresh, NOW)).toBeNull();
  });

  it('chooses with Enter, and with Space where no text field wants the space', () => {
    expect(listKeyStep(press('Enter'), 1, snooze, fresh, NOW)).toEqual({ kind: 'choose', index: 1 });
    expect(listKeyStep(press(' '), 2, snooze, fresh, NOW)).toEqual({ kind: 'choose', index: 2 });
    expect(listKeyStep(press('Enter'), 3, palette, fresh, NOW)).toEqual({ kind: 'choose', index: 3 });
    expect(listKeyStep(press(' '), 3, palette, fresh, NOW)).toBeNull();
    // Shift+Enter is a new line in the reply box, never a choice.
    expect(listKeyStep(press('Enter', { shiftKey: true }), 1, palette, fresh, NOW)).toBeNull();
  });

  it('lets a combobox have no active option: ↑ on the first goes back to the text, whose Enter is its own', () => {
    const tags: ListShape = { count: 2, hasTextField: true, canBeNone: true };
    expect(listKeyStep(press('ArrowDown'), -1, tags, fresh, NOW)).toEqual({ kind: 'move', active: 0 });
    expect(listKeyStep(press('ArrowUp'), 0, tags, fresh, NOW)).toEqual({ kind: 'move', active: -1 });
    expect(listKeyStep(press('Enter'), -1, tags, fresh, NOW)).toBeNull();
  });

  it('finds an option by the first letters typed quickly, accents and case ignored; later letters start a new search', () => {
    const first = listKeyStep(press('n'), 0, snooze, fresh, NOW);
    expect(first).toEqual({ kind: 'move', active: 2, typed: { text: 'n', at: NOW } });
    const typed = first?.kind === 'move' && first.typed ? first.typed : fresh;
    expect(listKeyStep(press('E'), 2, snooze, typed, NOW + 100)).toEqual({ kind: 'move', active: 2, typed: { text: 'nE', at: NOW + 100 } });
    expect(listKeyStep(press('t'), 2, snooze, typed, NOW + TYPEAHEAD_MS)).toEqual({ kind: 'move', active: 1, typed: { text: 't', at: NOW + TYPEAHEAD_MS } });
    // A space inside a name being typed is part of the name, not a choice.
    expect(listKeyStep(press(' '), 2, snooze, { text: 'next', at: NOW }, NOW + 100)).toEqual({ kind: 'move', active: 2, typed: { text: 'next ', at: NOW + 100 } });
    // No match: the key is still the list's, the active option stays.
    expect(listKeyStep(press('z'), 1, snooze, fresh, NOW)).toEqual({ kind: 'move', active: 1, typed: { text: 'z', at: NOW } });
  });

  it('leaves to others what is not the list’s: letters in a text field, chords, keys of an empty list', () => {
    expect(listKeyStep(press('n'), 0, palette, fresh, NOW)).toBeNull();
    expect(listKeyStep(press('n'), 0, { count: 3 }, fresh, NOW)).toBeNull();
    expect(listKeyStep(press('ArrowDown', { ctrlKey: true }), 0, snooze, fresh, NOW)).toBeNull();
    expect(listKeyStep(press('Tab'), 0, snooze, fresh, NOW)).toBeNull();
    expect(listKeyStep(press('ArrowDown'), 0, { count: 0 }, fresh, NOW)).toBeNull();
  });
});

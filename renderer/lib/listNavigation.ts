import { typeaheadMatch } from './typeahead';

/** How long typed letters add up to one typeahead search (the WAI-ARIA pattern's usual half second). */
export const TYPEAHEAD_MS = 500;

export type ListKeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

export type ListShape = {
  count: number;
  /** The options' names, for typeahead: a list without a text field finds an option by its first letters. */
  labels?: readonly string[];
  /** A combobox: the text field keeps Home/End, Space and letters; Enter with no option active is the field's. */
  hasTextField?: boolean;
  /** Past the last option, back to the first (and the other way round). */
  wraps?: boolean;
  /** A combobox may have no active option (-1): ↑ on the first one goes back to the text. */
  canBeNone?: boolean;
};

export type Typed = { text: string; at: number };

export type ListStep =
  | { kind: 'move'; active: number; typed?: Typed }
  | { kind: 'choose'; index: number }
  | null;

const hasModifier = (press: ListKeyPress) => press.ctrlKey || press.metaKey || press.altKey;

function moved(active: number, step: 1 | -1, { count, wraps = false, canBeNone = false }: ListShape): number {
  const first = canBeNone ? -1 : 0;
  const next = active + step;
  if (next > count - 1) return wraps ? first : count - 1;
  if (next < first) return wraps ? count - 1 : first;
  return next;
}

/**
 * What a key does to a list of options, as the WAI-ARIA listbox and combobox patterns have it:
 * ↓/↑ move, Home/End go to the ends, Enter (and Space without a text field) choose, letters
 * typed quickly find an option by its name. Null: the key is not the list's (it goes on).
 */
export function listKeyStep(press: ListKeyPress, active: number, shape: ListShape, typed: Typed, now: number): ListStep {
  const { count, labels, hasTextField = false } = shape;
  if (count === 0 || hasModifier(press)) return null;
  const isChosen = active >= 0 && active < count;
  switch (press.key) {
    case 'ArrowDown':
      return { kind: 'move', active: moved(active, 1, shape) };
    case 'ArrowUp':
      return { kind: 'move', active: moved(active, -1, shape) };
    case 'Home':
      return hasTextField ? null : { kind: 'move', active: 0 };
    case 'End':
      return hasTextField ? null : { kind: 'move', active: count - 1 };
    case 'Enter':
      return isChosen && !press.shiftKey ? { kind: 'choose', index: active } : null;
    case ' ':
      // Space after letters is part of a name being typed ("Next w…"), as the pattern has it.
      if (!hasTextField && isChosen && (now - typed.at >= TYPEAHEAD_MS || typed.text === '')) return { kind: 'choose', index: active };
      break;
  }
  if (hasTextField || !labels || [...press.key].length !== 1) return null;
  const text = (now - typed.at < TYPEAHEAD_MS ? typed.text : '') + press.key;
  const match = typeaheadMatch(labels, text, Math.max(active, 0));
  return { kind: 'move', active: match ?? active, typed: { text, at: now } };
}

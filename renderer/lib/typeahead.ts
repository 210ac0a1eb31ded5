import { foldText } from '../../shared/text/foldText';

/**
 * The option typeahead lands on, as the WAI-ARIA listbox pattern has it: the first label after
 * the active one that starts with what was typed (accents and case ignored), wrapping round.
 * Typing one letter again moves to the next label with that letter; null when none matches.
 */
export function typeaheadMatch(labels: readonly string[], typed: string, active: number): number | null {
  const wanted = foldText(typed);
  if (wanted === '' || labels.length === 0) return null;
  // A longer search keeps the active option if it still matches; one letter moves on.
  const start = wanted.length > 1 ? active : active + 1;
  for (let step = 0; step < labels.length; step++) {
    const index = (start + step) % labels.length;
    if (foldText(labels[index] ?? '').startsWith(wanted)) return index;
  }
  return null;
}

import type { TFunction } from 'i18next';
import { findControlCharacter } from '../../shared/text/plainText';

/**
 * What to tell the person when a one-line field holds a control character (a paste can bring
 * one): the core refuses it as invalid input, so the form says it first, in their language.
 */
export function controlCharacterProblem(t: TFunction, field: string, text: string): string | null {
  const found = findControlCharacter(text);
  return found ? t('validation.controlCharacter', { field, ...found }) : null;
}

import type { TFunction } from 'i18next';
import { formatRanges, formatTimeOfDay, type RangesProblem, type RangesReading } from '../../../shared/schedule';

/** What is wrong with a day's ranges, in the interface's language, naming what the person typed. */
export function rangesProblemText(t: TFunction, problem: RangesProblem, locale: string): string {
  switch (problem.kind) {
    case 'notATime':
    case 'notARange':
      return t(`hours.problem.${problem.kind}`, { text: problem.text });
    case 'endBeforeStart':
      return t('hours.problem.endBeforeStart', { start: formatTimeOfDay(problem.range[0], locale), end: formatTimeOfDay(problem.range[1], locale) });
    case 'mergedTooLong':
      return t('hours.problem.mergedTooLong');
    case 'tooMany':
      return t('hours.problem.tooMany', { max: problem.max });
  }
}

/** What the field should say about ranges it read well: those merged, and those that end the next day. */
export function rangesNoteText(t: TFunction, reading: RangesReading, locale: string): string | null {
  if ('problem' in reading) return null;
  const notes = [
    ...reading.merged.map((range) => t('hours.note.merged', { range: formatRanges([range], locale) })),
    ...reading.ranges.filter(([start, end]) => end !== '24:00' && end <= start).map((range) => t('hours.note.overnight', { range: formatRanges([range], locale) })),
  ];
  return notes.length > 0 ? notes.join(' ') : null;
}

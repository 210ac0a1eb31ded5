import { extentOf, minutesOf, type TimeRange } from './scheduleSchema';

/** What is wrong with a day's text, for the field to say in the person's language. */
export type RangesProblem =
  /** `text` is not a time of day ("25h", "9h75"). */
  | { kind: 'notATime'; text: string }
  /** `text` is not two times joined by a dash, "à" or "to" ("midi", "9h"). */
  | { kind: 'notARange'; text: string }
  /** The end is not after the start, and the range is not a night (at most 12 hours past midnight). */
  | { kind: 'endBeforeStart'; range: TimeRange }
  /** Overlapping ranges that join into one longer than a day or a night (12 hours past midnight). */
  | { kind: 'mergedTooLong' }
  /** More ranges than a day holds. */
  | { kind: 'tooMany'; max: number };

/** A day's ranges as typed: the ranges (overlapping ones merged, each merge listed), or what is wrong. */
export type RangesReading = { ranges: TimeRange[]; merged: TimeRange[] } | { problem: RangesProblem };

export const MAX_RANGES_PER_DAY = 12;
/** A range that ends before it starts is a night's work; longer than this, it is more likely a slip ("9-5"). */
export const MAX_OVERNIGHT_MINUTES = 12 * 60;

const LIST_SEPARATOR = /\s*(?:[,;]|\s(?:et|and)\s)\s*/iu;
// "à", "a" and "to" need spaces around them: "9 a.m." holds an "a" that joins nothing.
const RANGE_SEPARATOR = /\s*(?:[-–—‒−]|\s(?:à|a|au|to)\s)\s*/iu;
// 9, 09, 9h, 9 h 30, 9h30, 9:30, 9am, 9 a.m., 9:30 PM; \s matches the narrow no-break space Intl puts before "AM".
const TIME = /^(\d{1,2})(?:\s*h\s*(\d{2})?|:(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$/iu;
const WORDS: Record<string, string> = { midi: '12:00', noon: '12:00', minuit: '00:00', midnight: '00:00' };

const pad = (value: number) => String(value).padStart(2, '0');

/** "9h30" to minutes since midnight (1440 for "24h"), or null when it is not a time of day. */
function minutesOfToken(token: string): number | null {
  const word = WORDS[token.toLowerCase()];
  if (word !== undefined) return minutesOf(word);
  const match = TIME.exec(token);
  if (!match) return null;
  const [, hourText = '', hMinutes, colonMinutes, meridiem] = match;
  let hour = Number(hourText);
  const minutes = Number(hMinutes ?? colonMinutes ?? 0);
  if (minutes > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && minutes > 0)) return null;
  return hour * 60 + minutes;
}

const hasMeridiem = (token: string) => /[ap]\.?\s*m\.?$/iu.test(token);
const timeOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** One "start – end" as typed, or what is wrong with it. */
function readRange(part: string): TimeRange | RangesProblem {
  const sides = part.split(RANGE_SEPARATOR);
  const [startText, endText] = sides;
  if (sides.length !== 2 || !startText || !endText) return { kind: 'notARange', text: part };
  let start = minutesOfToken(startText);
  const end = minutesOfToken(endText);
  if (start === null || start === 1440) return { kind: 'notATime', text: startText };
  if (end === null) return { kind: 'notATime', text: endText };
  // "9-5pm", "1-5 p.m.": the start takes the end's half of the day when that keeps the range within the day.
  if (hasMeridiem(endText) && !hasMeridiem(startText) && start >= 60 && start < 780 && start + 720 < end) start += 720;
  // Midnight as an end is the end of the day: "22h-0h" is 22:00–24:00.
  const range: TimeRange = [timeOf(start), end === 0 || end === 1440 ? '24:00' : timeOf(end)];
  const [from, to] = extentOf(range);
  if (to > 1440 && to - from > MAX_OVERNIGHT_MINUTES) return { kind: 'endBeforeStart', range };
  return range;
}

/** A range from minutes since the day's midnight (the end may reach into the next day). */
const rangeOf = (from: number, to: number): TimeRange => [timeOf(from), to === 1440 ? '24:00' : timeOf(to % 1440)];

/** Overlapping ranges join, each joined range listed for the field to say so; null when one would be longer than a typed range may be. */
function mergeOverlaps(ranges: TimeRange[]): { ranges: TimeRange[]; merged: TimeRange[] } | null {
  const extents = ranges.map(extentOf).sort((a, b) => a[0] - b[0]);
  const out: { extent: [number, number]; isMerged: boolean }[] = [];
  for (const [from, to] of extents) {
    const previous = out.at(-1);
    if (previous && from < previous.extent[1]) {
      previous.extent[1] = Math.max(previous.extent[1], to);
      previous.isMerged = true;
    } else {
      out.push({ extent: [from, to], isMerged: false });
    }
  }
  if (out.some(({ extent: [from, to] }) => to - from > 1440 || (to > 1440 && to - from > MAX_OVERNIGHT_MINUTES))) return null;
  return {
    ranges: out.map(({ extent }) => rangeOf(...extent)),
    merged: out.filter(({ isMerged }) => isMerged).map(({ extent }) => rangeOf(...extent)),
  };
}

/**
 * A day's working ranges as people write them, in French, Québec or English usage:
 * "9h-17h", "9 h à 17 h", "13 h – 17 h 30", "9:00-17:00", "9-17", "9am-5pm", "9 a.m. – 5 p.m.",
 * "22h-2h" (ends the next day), several joined by ",", ";", "et" or "and". Empty: no work that day.
 */
export function parseRangesText(text: string): RangesReading {
  const parts = text.trim() === '' ? [] : text.trim().split(LIST_SEPARATOR).filter((part) => part !== '');
  const ranges: TimeRange[] = [];
  for (const part of parts) {
    const range = readRange(part);
    if ('kind' in range) return { problem: range };
    ranges.push(range);
  }
  const result = mergeOverlaps(ranges);
  if (result === null) return { problem: { kind: 'mergedTooLong' } };
  if (result.ranges.length > MAX_RANGES_PER_DAY) return { problem: { kind: 'tooMany', max: MAX_RANGES_PER_DAY } };
  return result;
}

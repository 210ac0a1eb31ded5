import type { TimeRange } from '../../shared/schedule';

const RANGE = /^([01]?\d|2[0-4]):([0-5]\d)\s*[-–—]\s*([01]?\d|2[0-4]):([0-5]\d)$/u;
const pad = (hours: string, minutes: string) => `${hours.padStart(2, '0')}:${minutes}`;

/**
 * "09:00-12:00, 13:00-17:00" to ranges, as a person types them (en or em dash, "9:00").
 * Null when some part is not a range; the schedule schema checks the rest (25:00, overlaps).
 */
export function parseRangesText(text: string): TimeRange[] | null {
  const parts = text.split(/[,;]/u).map((part) => part.trim()).filter((part) => part !== '');
  const ranges: TimeRange[] = [];
  for (const part of parts) {
    const match = RANGE.exec(part);
    if (!match) return null;
    const [, h1 = '', m1 = '', h2 = '', m2 = ''] = match;
    ranges.push([pad(h1, m1), pad(h2, m2)]);
  }
  return ranges;
}

export const rangesToText = (ranges: readonly TimeRange[]): string => ranges.map(([start, end]) => `${start}-${end}`).join(', ');

const UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** "3.2 MB" / "3,2 Mo": the largest unit with a whole part, localised by Intl; under 1 KB, in bytes. */
export function formatBytes(bytes: number, locale: string): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
}

import type { FormatterModule, i18n, InitOptions, PostProcessorModule } from 'i18next';

/**
 * A sentence that ends on an abbreviation ("… at 8:28 a.m.") gets one full stop, not two: the
 * interpolated time brings its own. Exactly two stops become one; an ellipsis ("...") stays.
 */
export const singleFullStop = (text: string): string => text.replace(/(?<!\.)\.\.(?!\.)/gu, '.');

export const singleFullStopProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'singleFullStop',
  process: (value: string) => singleFullStop(value),
};

/**
 * Every number in a sentence as the interface's language writes it ("7 120 abonnés", "7,120
 * followers"), whatever the string: no `{{count, number}}` to remember in each one. No string uses
 * i18next's named formats, so this formatter stands in for its own.
 */
export function numberFormatter(localeOf: (language: string) => string): FormatterModule {
  return {
    type: 'formatter',
    init: () => undefined,
    add: () => undefined,
    addCached: () => undefined,
    // Anything else goes back untouched, undefined included (i18next then reports the missing value).
    format: (value: unknown, _format: string | undefined, language: string | undefined) =>
      typeof value === 'number' ? new Intl.NumberFormat(localeOf(language ?? 'en')).format(value) : (value as string),
  };
}

/** An i18next instance that writes stops and numbers as above; init it with `typographyOptions`. */
export const withTypography = (instance: i18n, localeOf: (language: string) => string): i18n =>
  instance.use(singleFullStopProcessor).use(numberFormatter(localeOf));

export const typographyOptions = {
  postProcess: [singleFullStopProcessor.name],
  // React escapes text itself; i18next must not escape it a second time. Every value goes through the formatter.
  interpolation: { escapeValue: false, alwaysFormat: true },
} satisfies InitOptions;

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './cliErrors';
import { t } from './cliText';

/** The options before the command, for every command. */
export type GlobalOptions = { dataDir: string | undefined; json: boolean; demo: boolean; help: boolean; lang: string | undefined };

/** A command's own options and arguments, as `parseArgs` gives them. */
export type CommandArgs = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

export type ParsedCommandLine = { globals: GlobalOptions; command: string | null; args: CommandArgs };

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
} satisfies ParseArgsOptionsConfig;

/**
 * Splits `[global options] COMMAND [command options]`: the globals are everything before the
 * first word that is not an option (or an option's value). Node's own `parseArgs` checks both
 * halves strictly, so an unknown option or a missing value is a usage error, never ignored.
 */
export function parseCommandLine(argv: readonly string[], commandOptions: (command: string) => ParseArgsOptionsConfig | null): ParsedCommandLine {
  const commandAt = firstCommandIndex(argv);
  const globals = parseStrict(argv.slice(0, commandAt), GLOBAL_OPTIONS);
  const globalOptions: GlobalOptions = {
    dataDir: globals.values['data-dir'],
    json: globals.values.json ?? false,
    demo: globals.values.demo ?? false,
    help: globals.values.help ?? false,
    lang: globals.values.lang,
  };
  const command = argv[commandAt] ?? null;
  if (command === null) return { globals: globalOptions, command, args: { values: {}, positionals: [] } };
  const options = commandOptions(command);
  if (!options) throw new UsageError(t('errors.unknownCommand', { command }));
  const rest = parseStrict(argv.slice(commandAt + 1), options, true);
  return { globals: globalOptions, command, args: { values: rest.values, positionals: rest.positionals } };
}

/** Where the command's word is: after the global options and their values. */
export function firstCommandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('-')) return i;
    if (word === '--data-dir' || word === '--lang') i++; // their values may not start with a dash
  }
  return argv.length;
}

function parseStrict<T extends ParseArgsOptionsConfig>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(parseError(error));
  }
}

/**
 * Node's own words for a command line it refused, in the command line's language: by the error's
 * code, naming the option or argument it quotes first.
 */
function parseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/u.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('errors.unknownOption', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? t('errors.takesNoValue', { option }) : t('errors.missingValue', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('errors.unexpectedArgument', { argument: quoted });
    default:
      return message;
  }
}

/**
 * What was wrong with an option's value, in the command line's words for the cases its options
 * meet (a number, its bounds, a list of choices, an address); zod's own for the rest. A message
 * a schema gives itself (`--days`) goes first.
 */
const valueProblem: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? t('values.number') : issue.expected === 'int' ? t('values.wholeNumber') : undefined;
    case 'too_small':
      return issue.origin === 'number' ? t('values.atLeast', { minimum: Number(issue.minimum) }) : undefined;
    case 'too_big':
      if (issue.origin === 'number') return t('values.atMost', { maximum: Number(issue.maximum) });
      return issue.origin === 'string' ? t('values.atMostCharacters', { count: Number(issue.maximum) }) : undefined;
    case 'invalid_value':
      return t('values.oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return issue.format === 'url' ? t('values.url') : undefined;
    default:
      return undefined;
  }
};

/** Checks one option's or argument's value, naming it in the error. */
export function checked<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: valueProblem });
  if (result.success) return result.data;
  throw new UsageError(t('errors.invalidValue', { name, problems: result.error.issues.map((issue) => issue.message).join('; ') }));
}

import type { ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from '../cliErrors';
import { t } from '../cliText';
import type { CliSession } from '../cliSession';
import type { CommandArgs } from '../commandLine';

/** What a command prints: one JSON document with `--json`, short lines otherwise; `code` when it did not succeed but has something to say (a failed check). */
export type CommandOutput = { json: unknown; text: string; code?: number };

export type Command = {
  /** `NAME ARGS [OPTIONS]`, shown in the help and in usage errors, in the command line's language. */
  usage(): string;
  options: ParseArgsOptionsConfig;
  run(session: CliSession, args: CommandArgs): Promise<CommandOutput>;
};

/** The command's arguments, exactly as many as it names. */
export function expectPositionals(args: CommandArgs, names: readonly string[], usage: string): string[] {
  if (args.positionals.length !== names.length) {
    const what = names.length === 0 ? t('errors.noArguments') : names.join(' ');
    throw new UsageError(t('errors.expected', { what, usage, count: args.positionals.length }));
  }
  return args.positionals;
}

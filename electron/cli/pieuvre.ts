/**
 * `npm run -s pieuvre -- [--data-dir DIR] [--json] [--demo] [--lang fr|en] COMMAND`: the core in this process,
 * for scripts, servers and checking Pieuvre from outside the UI (#10 §9). It lives beside
 * electron/main as a third entry point to the plain-Node core, needing no Electron.
 */
import { appUserDataDir, resolveDataDir } from '../core/dataDir';
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE, UsageError } from './cliErrors';
import { openCliSession } from './cliSession';
import { firstCommandIndex, parseCommandLine } from './commandLine';
import { languageFromEnv, languageOf, speak, t } from './cliText';
import { COMMANDS } from './commands/commands';
import type { CommandOutput } from './commands/command';

const help = (): string =>
  [
    t('help.usage'),
    '',
    t('help.globals'),
    t('help.dataDir'),
    t('help.json'),
    t('help.demo'),
    t('help.lang'),
    '',
    t('help.commands'),
    ...Object.values(COMMANDS).map((command) => `  ${command.usage()}`),
  ].join('\n');

/**
 * The language is settled before anything else is said, a refused command line included: from
 * `--lang` among the options before the command, else the locale variables.
 */
function settleLanguage(argv: readonly string[]): void {
  const globals = argv.slice(0, firstCommandIndex(argv));
  const at = globals.findIndex((word) => word === '--lang' || word.startsWith('--lang='));
  const word = globals[at] ?? '';
  const flag = at === -1 ? undefined : word.startsWith('--lang=') ? word.slice('--lang='.length) : (globals[at + 1] ?? '');
  const language = languageOf(flag, process.env);
  if (typeof language === 'string') return speak(language);
  speak(languageFromEnv(process.env));
  throw new UsageError(t('errors.badLanguage', { language: language.invalid }));
}

async function main(argv: readonly string[]): Promise<{ code: number; output?: CommandOutput; json: boolean }> {
  settleLanguage(argv);
  const { globals, command, args } = parseCommandLine(argv, (name) => COMMANDS[name]?.options ?? null);
  if (globals.help || command === null) {
    if (!globals.help) throw new UsageError(t('errors.noCommand'));
    const text = help();
    return { code: EXIT_SUCCESS, output: { json: { usage: text }, text }, json: globals.json };
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(t('errors.unknownCommand', { command }));
  const dataDir = globals.dataDir ? resolveDataDir({ PIEUVRE_DATA_DIR: globals.dataDir }, '') : resolveDataDir(process.env, appUserDataDir(process.env));
  const session = await openCliSession(dataDir, { demo: globals.demo });
  try {
    // A command that takes `--json` after it too (rules) means the same as before it.
    const output = await run.run(session, args);
    return { code: output.code ?? EXIT_SUCCESS, output, json: globals.json || args.values.json === true };
  } finally {
    await session.close();
  }
}

/** Always one line (scripts read stderr line by line): the reason, never a stack trace. */
function exitCodeFor(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    process.stderr.write(`pieuvre: ${message.replace(/\.?$/, '.')} ${t('errors.tryHelp')}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`pieuvre: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return EXIT_FAILURE;
}

let code: number;
try {
  const result = await main(process.argv.slice(2));
  if (result.output) process.stdout.write(`${result.json ? JSON.stringify(result.output.json) : result.output.text}\n`);
  code = result.code;
} catch (error) {
  code = exitCodeFor(error);
}
// The core's timers are closed, but a connector's socket may linger: the command is over.
process.stdout.write('', () => process.exit(code));

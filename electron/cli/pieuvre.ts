/**
 * `npm run -s pieuvre -- [--data-dir DIR] [--json] [--demo] COMMAND`: the core in this process,
 * for scripts, servers and checking Pieuvre from outside the UI (#10 §9). It lives beside
 * electron/main as a third entry point to the plain-Node core, needing no Electron.
 */
import { appUserDataDir, resolveDataDir } from '../core/dataDir';
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE, UsageError } from './cliErrors';
import { openCliSession } from './cliSession';
import { parseCommandLine } from './commandLine';
import { COMMANDS } from './commands/commands';
import type { CommandOutput } from './commands/command';

const HELP = [
  'Usage: pieuvre [--data-dir DIR] [--json] [--demo] COMMAND',
  '',
  'Global options (before the command):',
  "  --data-dir DIR  the data folder (default: PIEUVRE_DATA_DIR, else the app's)",
  '  --json          print one JSON document',
  '  --demo          add the demo workspace to a new data folder',
  '',
  'Commands:',
  ...Object.values(COMMANDS).map((command) => `  ${command.usage}`),
].join('\n');

async function main(argv: readonly string[]): Promise<{ code: number; output?: CommandOutput; json: boolean }> {
  const { globals, command, args } = parseCommandLine(argv, (name) => COMMANDS[name]?.options ?? null);
  if (globals.help || command === null) {
    if (!globals.help) throw new UsageError('No command given.');
    return { code: EXIT_SUCCESS, output: { json: { usage: HELP }, text: HELP }, json: globals.json };
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
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
    process.stderr.write(`pieuvre: ${message.replace(/\.?$/, '.')} Try "pieuvre --help".\n`);
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

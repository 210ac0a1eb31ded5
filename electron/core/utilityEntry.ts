import { runUtilityCore, type ParentPortLike } from './utilityCore';

// The core's process in the app, forked by main with `utilityProcess.fork`. Electron adds
// `process.parentPort` there; its type lives in electron's typings, which the core may not import.
const { parentPort } = process as unknown as { parentPort?: ParentPortLike };
if (!parentPort) throw new Error('utilityEntry runs only inside an Electron utilityProcess.');
// runUtilityCore reports its own failures to main and to the log; anything that still escapes
// (before the log is open) ends the process with its reason, which main sees as the core's exit.
runUtilityCore(parentPort, process.env, process).catch((error: unknown) => {
  process.stderr.write(`Pieuvre's core failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

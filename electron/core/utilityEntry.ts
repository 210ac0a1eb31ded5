import { runUtilityCore, type ParentPortLike } from './utilityCore';

// The core's process in the app, forked by main with `utilityProcess.fork`. Electron adds
// `process.parentPort` there; its type lives in electron's typings, which the core may not import.
const { parentPort } = process as unknown as { parentPort?: ParentPortLike };
if (!parentPort) throw new Error('utilityEntry runs only inside an Electron utilityProcess.');
// runUtilityCore reports its own failures (to main, to the log): the promise never rejects.
void runUtilityCore(parentPort, process.env, process);

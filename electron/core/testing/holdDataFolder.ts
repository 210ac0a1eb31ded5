/**
 * A process that takes a data folder's lock and keeps it until killed: the lock tests' other
 * process (argv: the folder, the holder kind). Prints "locked" once it holds it.
 */
import { lockDataFolder, type LockHolderKind } from '../dataFolderLock';

const [dataDir, kind] = process.argv.slice(2);
if (!dataDir || !kind) throw new Error('usage: holdDataFolder DATA_DIR app|harness|cli');
lockDataFolder(dataDir, kind as LockHolderKind);
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);

import { mkdirSync } from 'node:fs';
import { logFolderOf } from '../core/log/logFolder';
import type { ShellStrings } from './shellStrings';

/**
 * "Open the log folder": the data folder's `logs/` in the system's file manager, to attach the
 * log to a bug report. Made first if the core never got to write (0700, as the core makes it);
 * a file manager that cannot open it is told to the person, with the folder's path.
 */
export async function openLogFolder(
  dataDir: string,
  shell: { openPath(path: string): Promise<string> },
  showError: (title: string, message: string) => void,
  strings: ShellStrings,
): Promise<void> {
  const folder = logFolderOf(dataDir);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Electron answers with an error message, or '' once the folder is open.
    const problem = await shell.openPath(folder);
    if (problem) showError(strings.logFolderFailed, strings.logFolderProblem(folder, problem));
  } catch (error) {
    showError(strings.logFolderFailed, strings.logFolderProblem(folder, error instanceof Error ? error.message : String(error)));
  }
}

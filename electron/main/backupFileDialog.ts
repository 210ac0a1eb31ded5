import { CHOOSE_BACKUP_FILE_CHANNEL } from '../preload/preloadContract';
import type { ShellStrings } from './shellStrings';
import { isAppUrl } from './urlPolicy';

type OpenDialogOptions = { title: string; properties: 'openFile'[]; filters: { name: string; extensions: string[] }[] };

/** The parts of Electron's ipcMain, dialog and BrowserWindow this uses: tested with fakes. */
export type BackupDialogElectron<W, S> = {
  ipcMain: { handle(channel: string, listener: (event: { sender: S; senderFrame: { url: string } | null }) => Promise<string | null>): unknown };
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  windowOf(sender: S): W | null;
};

/**
 * Answers "choose a backup to restore" from the app's own pages only, with the native dialog
 * on the asking window. The page gets a path the person picked, never one it named itself; the
 * core then checks the file is a Pieuvre database before anything is replaced.
 */
export function answerBackupFileRequests<W, S>(electron: BackupDialogElectron<W, S>, appUrl: string, strings: Pick<ShellStrings, 'chooseBackup' | 'backupFiles'>): void {
  electron.ipcMain.handle(CHOOSE_BACKUP_FILE_CHANNEL, async (event) => {
    const window = event.senderFrame && isAppUrl(event.senderFrame.url, appUrl) ? electron.windowOf(event.sender) : null;
    if (!window) return null;
    const { canceled, filePaths } = await electron.showOpenDialog(window, {
      title: strings.chooseBackup,
      properties: ['openFile'],
      filters: [{ name: strings.backupFiles, extensions: ['db'] }],
    });
    return canceled ? null : (filePaths[0] ?? null);
  });
}

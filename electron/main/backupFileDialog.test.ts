import { describe, expect, it, vi } from 'vitest';
import { CHOOSE_BACKUP_FILE_CHANNEL } from '../preload/preloadContract';
import { APP_URL } from './appProtocol';
import { answerBackupFileRequests, type BackupDialogElectron } from './backupFileDialog';
import { SHELL_STRINGS } from './shellStrings';


function fakeElectron(answer: { canceled: boolean; filePaths: string[] }) {
  const handlers = new Map<string, Parameters<BackupDialogElectron<string, string>['ipcMain']['handle']>[1]>();
  const showOpenDialog = vi.fn(async () => answer);
  answerBackupFileRequests<string, string>(
    { ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) }, showOpenDialog, windowOf: (sender) => `window of ${sender}` },
    APP_URL,
    SHELL_STRINGS.fr,
  );
  const ask = (url: string | null) => {
    const handler = handlers.get(CHOOSE_BACKUP_FILE_CHANNEL);
    if (!handler) throw new Error('No handler on the channel.');
    return handler({ sender: 'page', senderFrame: url === null ? null : { url } });
  };
  return { ask, showOpenDialog };
}

describe('answerBackupFileRequests', () => {
  it('shows the native dialog on the asking window, in the shell’s language, and answers the chosen path', async () => {
    const { ask, showOpenDialog } = fakeElectron({ canceled: false, filePaths: ['/home/ana/pieuvre-2026-12-04.db'] });
    expect(await ask(APP_URL)).toBe('/home/ana/pieuvre-2026-12-04.db');
    expect(showOpenDialog.mock.calls).toEqual([
      ['window of page', { title: 'Choisir une sauvegarde de Pieuvre à restaurer', properties: ['openFile'], filters: [{ name: 'Sauvegardes de Pieuvre', extensions: ['db'] }] }],
    ]);
  });

  it('answers null when the person cancels, and to any page that is not the app’s, without a dialog', async () => {
    expect(await fakeElectron({ canceled: true, filePaths: [] }).ask(APP_URL)).toBeNull();
    const { ask, showOpenDialog } = fakeElectron({ canceled: false, filePaths: ['/etc/passwd'] });
    expect(await ask('https://evil.example/')).toBeNull();
    expect(await ask(null)).toBeNull();
    expect(showOpenDialog).not.toHaveBeenCalled();
  });
});

import type { PieuvreBridge } from '../../shared/api/bridge';
import { APP_VERSION_ARGUMENT, CHOOSE_BACKUP_FILE_CHANNEL, REQUEST_CORE_PORT_CHANNEL } from './preloadContract';

/** What a sandboxed preload's `process` offers (a subset of Node's). */
export type PreloadProcess = {
  platform: string;
  argv: readonly string[];
  versions: Readonly<Record<string, string | undefined>>;
};

/** The part of Electron's ipcRenderer the bridge uses: fixed channels, no arguments. */
export type BridgeIpc = { send(channel: string): void; invoke(channel: string): Promise<unknown> };

/**
 * `window.pieuvre`: facts about the app, a way to ask for the core's port, and the native
 * dialog to choose a backup. Main decides whether to answer; nothing here lets the page pick
 * an IPC channel or pass arguments.
 */
export function createBridge(process: PreloadProcess, ipcRenderer: BridgeIpc): PieuvreBridge {
  const appVersion = process.argv.find((arg) => arg.startsWith(APP_VERSION_ARGUMENT))?.slice(APP_VERSION_ARGUMENT.length) ?? '';
  return {
    platform: process.platform,
    versions: {
      app: appVersion,
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node ?? '',
    },
    requestCorePort: () => ipcRenderer.send(REQUEST_CORE_PORT_CHANNEL),
    chooseBackupFile: async () => {
      const path = await ipcRenderer.invoke(CHOOSE_BACKUP_FILE_CHANNEL);
      return typeof path === 'string' ? path : null;
    },
  };
}

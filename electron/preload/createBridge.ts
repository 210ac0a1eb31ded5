import type { PieuvreBridge } from '../../shared/api/bridge';
import { APP_VERSION_ARGUMENT, REQUEST_CORE_PORT_CHANNEL } from './preloadContract';

/** What a sandboxed preload's `process` offers (a subset of Node's). */
export type PreloadProcess = {
  platform: string;
  argv: readonly string[];
  versions: Readonly<Record<string, string | undefined>>;
};

/**
 * `window.pieuvre`: facts about the app, and one way to ask for the core's port. Main decides
 * whether to answer; nothing here lets the page pick an IPC channel or pass arguments.
 */
export function createBridge(process: PreloadProcess, ipcRenderer: { send(channel: string): void }): PieuvreBridge {
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
  };
}

/**
 * What the preload exposes as `window.pieuvre` in the desktop app (absent in the browser
 * harness). It is deliberately tiny: the core is reached over a MessagePort, never through it.
 */
export type PieuvreBridge = {
  /** Node's `process.platform` of the machine the app runs on: 'darwin', 'win32', 'linux'... */
  platform: string;
  versions: { app: string; electron: string; chrome: string; node: string };
  /**
   * Asks main for a port to the core; it arrives as a window message (CORE_PORT_MESSAGE). Use
   * `receiveCorePort` (messagePortTransport.ts), which listens before it asks.
   */
  requestCorePort(): void;
  /** Shows the native dialog to choose a backup file to restore (`data.restore` with its path); null if cancelled. */
  chooseBackupFile(): Promise<string | null>;
};

/**
 * The window message that carries the core's MessagePort from the preload to the page:
 * `event.data === CORE_PORT_MESSAGE`, the port in `event.ports[0]`. A port cannot cross
 * `contextBridge`, so the preload re-posts it to its own window.
 */
export const CORE_PORT_MESSAGE = 'pieuvre:core-port';

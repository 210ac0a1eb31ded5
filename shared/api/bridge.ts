/**
 * What the preload exposes as `window.pieuvre` in the desktop app (absent in the browser
 * harness). It is deliberately tiny: the core is reached over a MessagePort, never through it.
 */
export type PieuvreBridge = {
  /** Node's `process.platform` of the machine the app runs on: 'darwin', 'win32', 'linux'... */
  platform: string;
  versions: { app: string; electron: string; chrome: string; node: string };
};

/**
 * The window message that carries the core's MessagePort from the preload to the page, once per
 * page load (a reload gets a fresh port). A port cannot cross `contextBridge`, so the preload
 * re-posts it to its own window: `event.data === CORE_PORT_MESSAGE`, the port in `event.ports[0]`.
 * `receiveCorePort` in messagePortTransport.ts does the listening.
 */
export const CORE_PORT_MESSAGE = 'pieuvre:core-port';

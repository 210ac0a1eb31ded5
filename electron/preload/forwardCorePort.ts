import { CORE_PORT_MESSAGE } from '../../shared/api/bridge';
import { CORE_PORT_CHANNEL } from './preloadContract';

/** The page's window, as the isolated preload world sees it. */
export type PortForwardTarget = { postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void };

/**
 * Electron's documented way to give a context-isolated page a MessagePort: ports cannot cross
 * `contextBridge`, so the preload posts each one main sends to its own window. '*' is safe: the
 * target is this very window, which main never lets navigate away from the app.
 */
export function forwardCorePort(
  ipcRenderer: { on(channel: string, listener: (event: { ports: readonly unknown[] }) => void): unknown },
  page: PortForwardTarget,
): void {
  ipcRenderer.on(CORE_PORT_CHANNEL, (event) => {
    if (event.ports.length === 1) page.postMessage(CORE_PORT_MESSAGE, '*', [...event.ports]);
  });
}

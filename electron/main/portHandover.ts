import type { ClientTransport } from '../../shared/api/client';
import { messagePortTransport, type MessagePortLike } from '../../shared/api/messagePortTransport';
import type { PortLike } from '../core/api/messagePortServer';
import { isCoreFatal, PORT_HANDOVER, type SecretKeyHandover, type SystemState } from '../core/utilityMessages';
import { CORE_PORT_CHANNEL, REQUEST_CORE_PORT_CHANNEL } from '../preload/preloadContract';
import { isAppUrl } from './urlPolicy';

/** Electron's UtilityProcess, as far as main uses it. */
type CoreChild<P extends PortLike> = {
  postMessage(message: unknown, transfer: P[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
};

/**
 * The two Electron classes the hand-over needs, injected so tests can stand in for them. `P` is
 * the port class (MessagePortMain in the app): whoever makes the ports is the only one given them.
 */
export type CoreElectron<P extends PortLike> = {
  utilityProcess: {
    fork(modulePath: string, args: string[], options: { serviceName: string; env: Record<string, string | undefined>; stdio: 'inherit' }): CoreChild<P>;
  };
  MessageChannelMain: new () => { port1: P; port2: P };
};

/** A window's webContents, as far as receiving a port goes. */
export type PortReceiver<P extends PortLike> = { postMessage(channel: string, message: null, transfer: P[]): void };

export type CoreProcess<P extends PortLike> = {
  /** A fresh channel: one end to the core, the other to this window's preload. */
  handOver(contents: PortReceiver<P>): void;
  /** A client transport for main itself (the unread count for the tray and badge). */
  connectMain(): ClientTransport;
  /** The computer slept or woke, the network went or came back (systemState.ts). */
  tellSystemState(state: SystemState): void;
  /** Quitting: the exit that follows is expected and not reported. */
  stop(): void;
};

/** Main's own MessagePortMain, seen through the DOM-style port the shared client transport takes. */
export function domStylePort(port: PortLike): MessagePortLike {
  function addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  function addEventListener(type: 'close', listener: () => void): void;
  function addEventListener(type: 'message' | 'close', listener: (event: { data: unknown }) => void): void {
    if (type === 'message') port.on('message', listener);
    else port.on('close', listener as () => void);
  }
  return { postMessage: (message) => port.postMessage(message), addEventListener, start: () => port.start(), close: () => port.close() };
}

/**
 * Forks the core (a slow query must never freeze a window) and hands each
 * window a MessagePort straight to it, so the RPC never passes through main. The data folder
 * resolved by main travels in the environment; the secrets' key over the process's channel.
 */
export function startCoreProcess<P extends PortLike>(
  electron: CoreElectron<P>,
  options: {
    entryPath: string;
    dataDir: string;
    env: Readonly<Record<string, string | undefined>>;
    /** Posted first, before any port: the core's secrets wait for it. */
    secretKey: SecretKeyHandover;
    onFatal(message: string): void;
    onExit(code: number): void;
  },
): CoreProcess<P> {
  const child = electron.utilityProcess.fork(options.entryPath, [], {
    serviceName: 'Pieuvre core',
    env: { ...options.env, PIEUVRE_DATA_DIR: options.dataDir },
    stdio: 'inherit',
  });
  child.postMessage(options.secretKey, []);
  let isStopping = false;
  child.on('message', (message) => {
    if (isCoreFatal(message)) options.onFatal(message.message);
  });
  child.on('exit', (code) => {
    if (!isStopping) options.onExit(code);
  });
  const newCorePort = (): P => {
    const { port1, port2 } = new electron.MessageChannelMain();
    child.postMessage(PORT_HANDOVER, [port1]);
    return port2;
  };
  return {
    handOver: (contents) => contents.postMessage(CORE_PORT_CHANNEL, null, [newCorePort()]),
    connectMain: () => messagePortTransport(domStylePort(newCorePort())),
    tellSystemState: (state) => child.postMessage(state, []),
    stop() {
      isStopping = true;
      child.kill();
    },
  };
}

/** An IPC request for a port, as ipcMain delivers it. */
export type PortRequestEvent<P extends PortLike> = { sender: PortReceiver<P>; senderFrame: { url: string } | null };

/**
 * Answers the preload's port requests, for the app's own page only: the sender's frame must show
 * the app (a port is full access to the inbox), whatever a compromised page might try.
 */
export function answerPortRequests<P extends PortLike>(
  ipcMain: { on(channel: string, listener: (event: PortRequestEvent<P>) => void): unknown },
  core: Pick<CoreProcess<P>, 'handOver'>,
  appUrl: string,
): void {
  ipcMain.on(REQUEST_CORE_PORT_CHANNEL, (event) => {
    if (event.senderFrame && isAppUrl(event.senderFrame.url, appUrl)) core.handOver(event.sender);
  });
}

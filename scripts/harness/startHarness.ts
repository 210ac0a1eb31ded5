import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient, throwingCall } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { inProcessTransport } from '../../electron/core/api/inProcessTransport';
import { startWebSocketServer } from '../../electron/core/api/webSocketServer';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import { startDemoIfWanted } from '../../electron/core/utilityCore';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { withPresenceStandIn, type PresenceStandIn } from './presenceStandIn';
import { staticHandler } from './serveStatic';

export type Harness = {
  url: string;
  core: Core;
  /** Calls the core's API in process, as a test setting things up would; throws on failure. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Present when started with `presence: true`: a connected team whose presence the test plays. */
  presence: PresenceStandIn | null;
  close(): Promise<void>;
};

/**
 * The whole app but the Electron shell: the real core in this Node process and the real,
 * built renderer, on one 127.0.0.1 port; the core's RPC at /core behind a per-run token.
 * The URL carries the token in its fragment, which browsers never send to a server.
 */
export async function startHarness(options: {
  dataDir: string;
  rendererDir: string;
  port?: number;
  startDemo?: boolean;
  core?: Omit<CoreOptions, 'dataDir'>;
  /** Plays a connected team hub's status and presence (presenceStandIn.ts). */
  presence?: boolean;
}): Promise<Harness> {
  const core = createCore({ dataDir: options.dataDir, lockAs: 'harness', ...options.core });
  // The app's own rule: demo on a new or demo workspace, never back over real accounts.
  if (options.startDemo ?? true) await startDemoIfWanted(core);
  const http = createServer(staticHandler(options.rendererDir, { 'Content-Security-Policy': contentSecurityPolicy('harness') }));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const played = options.presence ? withPresenceStandIn(core.server, core.events) : null;
  const server = played?.server ?? core.server;
  const ws = await startWebSocketServer({ server, events: core.events, httpServer: http });
  const { port } = http.address() as AddressInfo;
  const client = createApiClient(inProcessTransport(server, core.events));
  return {
    url: `http://127.0.0.1:${port}/#token=${ws.token}`,
    core,
    call: throwingCall(client),
    presence: played?.standIn ?? null,
    async close() {
      await ws.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      core.close();
    },
  };
}

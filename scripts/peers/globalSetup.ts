import http from 'node:http';
import type { TestProject } from 'vitest/node';
import { startPeerServers, type RunningPeers } from './peerServers';

/**
 * The local social servers, started at most once per test run and only when a test asks
 * (ensurePeers() in peers.ts): a unit-test run never starts them. Test files run in workers, so
 * they ask this process over a loopback HTTP endpoint; it starts the servers on the first request
 * and stops them at the end of the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let peers: Promise<RunningPeers> | undefined;
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/ensure') {
      response.writeHead(404).end();
      return;
    }
    peers ??= startPeerServers((line) => process.stderr.write(`${line}\n`));
    peers.then(
      (running) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(running.servers)),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The peers endpoint has no port.');
  project.provide('peersEndpoint', `http://127.0.0.1:${address.port}/ensure`);

  return async () => {
    server.close();
    const running = await peers?.catch(() => undefined);
    await running?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    peersEndpoint: string;
  }
}

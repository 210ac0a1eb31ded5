import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a server: cut() drops every connection and refuses new
 * ones (the network went away), restore() listens again on the same port. freeze() keeps every
 * connection open and takes new ones but relays nothing (a hub that stopped answering: only a
 * timeout notices), thaw() relays again what was held.
 */
export type CuttableProxy = { port: number; cut(): Promise<void>; restore(): Promise<void>; freeze(): void; thaw(): void; close(): Promise<void> };

export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  let server: Server | null = null;
  let isFrozen = false;
  const pairs = new Set<[Socket, Socket]>();
  const relay = ([incoming, outgoing]: [Socket, Socket]) => incoming.pipe(outgoing).pipe(incoming);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const next = createServer((incoming) => {
        const outgoing = connect(targetPort, '127.0.0.1');
        track(incoming);
        track(outgoing);
        const pair: [Socket, Socket] = [incoming, outgoing];
        pairs.add(pair);
        if (!isFrozen) relay(pair);
        incoming.once('close', () => (pairs.delete(pair), outgoing.destroy()));
        outgoing.once('close', () => incoming.destroy());
      });
      next.once('error', reject).listen(port, '127.0.0.1', () => {
        server = next;
        const address = next.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const cut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  const port = await listen(0);
  const freeze = () => {
    isFrozen = true;
    for (const [incoming, outgoing] of pairs) {
      incoming.unpipe(outgoing).pause();
      outgoing.unpipe(incoming).pause();
    }
  };
  const thaw = () => {
    isFrozen = false;
    for (const pair of pairs) relay(pair);
  };
  return { port, cut, restore: async () => void (await listen(port)), freeze, thaw, close: cut };
}

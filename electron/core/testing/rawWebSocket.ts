import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client written byte by byte over TCP, for tests that must send what no real
 * client would (a forged Origin, a frame over the limit, invalid UTF-8).
 */
export type RawWebSocket = { status: number; socket: Socket; received(): Buffer };

/** Sends `lines` as one raw HTTP request and resolves with the status line's code once the headers are in. */
export function rawRequest(port: number, lines: string[]): Promise<{ status: number; socket: Socket; received(): Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let isResolved = false;
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (isResolved || end < 0) return;
      isResolved = true;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      received = received.subarray(end + 4);
      resolve({ status, socket, received: () => received });
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** A WebSocket handshake (HTTP 101 when accepted) with the given extra headers. */
export const rawHandshake = (port: number, path: string, headers: Record<string, string>): Promise<RawWebSocket> =>
  rawRequest(port, [
    `GET ${path} HTTP/1.1`,
    ...Object.entries({
      Host: `127.0.0.1:${port}`,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      ...headers,
    }).map(([name, value]) => `${name}: ${value}`),
  ]);

/** A masked client frame, as the protocol requires; `declaredLength` may lie about the payload. */
export function clientFrame(opcode: number, payload: Buffer, declaredLength = payload.length): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  const length =
    declaredLength < 126 ? Buffer.from([0x80 | declaredLength])
    : declaredLength < 65536 ? Buffer.from([0x80 | 126, declaredLength >> 8, declaredLength & 0xff])
    : Buffer.concat([Buffer.from([0x80 | 127]), bigEndian64(declaredLength)]);
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, masked]);
}

const bigEndian64 = (n: number) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(n));
  return bytes;
};

/** The status code of the close frame among the server's (unmasked) frames, or null. */
function closeCodeIn(data: Buffer): number | null {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] ?? 0) & 0x0f;
    const short = (data[at + 1] ?? 0) & 0x7f;
    const header = short === 126 ? 4 : short === 127 ? 10 : 2;
    const length = short === 126 ? data.readUInt16BE(at + 2) : short === 127 ? Number(data.readBigUInt64BE(at + 2)) : short;
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(at + header) : null;
    at += header + length;
  }
  return null;
}

/** The status code of the close frame the server sends before it hangs up. */
export function serverCloseCode(raw: RawWebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    raw.socket.once('close', () => {
      const code = closeCodeIn(raw.received());
      if (code === null) reject(new Error(`No close frame in ${raw.received().toString('hex')}`));
      else resolve(code);
    });
  });
}

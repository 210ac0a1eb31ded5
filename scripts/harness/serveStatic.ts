import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { hasOwnHost } from '../../electron/core/api/loopbackGuard';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The decoded path, or null when it does not decode (`/%E0%A4%A`). */
function requestPath(request: IncomingMessage): string | null {
  try {
    return decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/**
 * Serves the built renderer, as Electron loads it from disk: same files, same CSP. Only
 * files under `root` are served (no path traversal); everything else is a 404. Only to
 * requests addressed to 127.0.0.1 or localhost (DNS rebinding, see loopbackGuard).
 */
export function staticHandler(root: string, headers: Record<string, string>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refuse = (status: number, text: string) =>
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(text);
    if (!hasOwnHost(request)) return void refuse(403, 'Forbidden: this server answers to 127.0.0.1 and localhost only');
    const path = requestPath(request);
    if (path === null) return void refuse(400, 'Bad request: the path is not valid percent-encoded UTF-8');
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const isInside = file.startsWith(root.endsWith(sep) ? root : root + sep);
    const info = isInside ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return void refuse(404, 'Not found');
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    // A file gone between stat and read (a rebuild) ends this response, not the harness.
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  };
}

import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The renderer is served from `pieuvre://app/` rather than `file://`: a real origin of its own,
 * so `'self'` in the CSP means the app's files and nothing else on the disk, the CSP travels as
 * a header (Electron applies no header to `file://` loads), and no page can read local files.
 */
export const APP_SCHEME = 'pieuvre';
export const APP_URL = `${APP_SCHEME}://app/index.html`;

/** Registered before `ready`: standard (an origin, relative URLs, storage) and secure (a secure context). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file under `rendererDir` an app URL names, or null for anything outside it. */
export function rendererFilePath(url: string, rendererDir: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Decoding can bring back "..": the normalised path must still be inside the renderer.
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  return file.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep) ? file : null;
}

/**
 * The `protocol.handle` handler: the built renderer's files, each with the CSP header. Main's
 * `fs` reads inside app.asar, so this works the same from `out/` and from a packaged app.
 */
export function appProtocolHandler(rendererDir: string, policy: string): (request: Request) => Promise<Response> {
  const headers = { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' };
  return async (request) => {
    const file = request.method === 'GET' ? rendererFilePath(request.url, rendererDir) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) {
      return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    return new Response(new Uint8Array(body), {
      headers: { ...headers, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' },
    });
  };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, appProtocolHandler, rendererFilePath } from './appProtocol';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pieuvre-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pieuvre</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("hi")');
  writeFileSync(join(rendererDir, 'assets', 'un café.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rendererFilePath', () => {
  it('maps app URLs to files of the built renderer', () => {
    expect(rendererFilePath(APP_URL, rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(rendererFilePath('pieuvre://app/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(rendererFilePath('pieuvre://app/assets/index-abc.js?v=1#x', rendererDir)).toBe(join(rendererDir, 'assets', 'index-abc.js'));
    expect(rendererFilePath('pieuvre://app/assets/un%20caf%C3%A9.css', rendererDir)).toBe(join(rendererDir, 'assets', 'un café.css'));
  });

  it('never leaves the renderer folder, however the URL is written', () => {
    for (const url of [
      'pieuvre://app/../secret.txt',
      'pieuvre://app/%2e%2e/secret.txt',
      'pieuvre://app/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'pieuvre://app/..%5csecret.txt',
      'pieuvre://app/%E0%A4%A',
      'pieuvre://elsewhere/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
    ]) {
      const file = rendererFilePath(url, rendererDir);
      expect(file === null || file.startsWith(rendererDir), url).toBe(true);
      expect(file, url).not.toBe(join(root, 'secret.txt'));
    }
    // An encoded slash is no separator to the URL parser, but decodes into a way out.
    expect(rendererFilePath('pieuvre://app/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', rendererDir)).toBeNull();
  });
});

describe('appProtocolHandler', () => {
  const serve = (url: string, method = 'GET') => appProtocolHandler(rendererDir, "default-src 'self'")(new Request(url, { method }));

  it('serves each file with its type and the CSP header', async () => {
    const page = await serve(APP_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Pieuvre</title>');

    // Module scripts are refused by Chromium without a JavaScript MIME type.
    const script = await serve('pieuvre://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("hi")');
  });

  it('answers 404, still under the CSP, for missing files, escapes and other methods', async () => {
    for (const [url, method] of [['pieuvre://app/nope.js', 'GET'], ['pieuvre://app/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', 'GET'], [APP_URL, 'POST']] as const) {
      const response = await serve(url, method);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    }
  });
});

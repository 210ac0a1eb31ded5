/** 'app' is the Electron window; 'harness' is the same renderer served to Chromium by `npm run dev:web`. */
export type CspMode = 'app' | 'harness';

/**
 * The renderer's Content-Security-Policy. Scripts and styles come only from the app's own files:
 * no inline script, no eval, nothing remote, so text from a platform can never run as code.
 * Avatars are remote images (https) or inlined (data:). The core is reached over a MessagePort,
 * which no directive governs; only the browser harness needs a WebSocket to its core on 127.0.0.1.
 */
export function contentSecurityPolicy(mode: CspMode): string {
  const connect = mode === 'harness' ? "'self' ws://127.0.0.1:*" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Response headers with our policy in place of any the response brought (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string[]>>, policy: string): Record<string, string[]> {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

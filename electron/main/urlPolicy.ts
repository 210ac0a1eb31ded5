import { isLocalNetworkHost } from './localNetwork';

/** Why a link is worth a question before it opens. */
export type LinkRisk = 'insecure' | 'localNetwork';
export type ExternalUrlVerdict = { action: 'open' } | { action: 'ask'; risk: LinkRisk } | { action: 'refuse' };

/**
 * What to do with a link followed in the app. Only web pages may leave for the system browser:
 * `file:` could open or run local files, `javascript:`/`data:` carry code, custom schemes launch
 * other programs, and credentials in a URL are a phishing pattern (https://bank.example@evil.example).
 * A page on this computer or the local network (a router's admin page) and a plain-http page
 * (readable and changeable by anyone on the way) open only once the person agrees.
 */
export function externalUrlVerdict(url: string): ExternalUrlVerdict {
  const parsed = URL.parse(url);
  const isWeb = parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  if (!isWeb || parsed.username !== '' || parsed.password !== '') return { action: 'refuse' };
  if (isLocalNetworkHost(parsed.hostname)) return { action: 'ask', risk: 'localNetwork' };
  if (parsed.protocol === 'http:') return { action: 'ask', risk: 'insecure' };
  return { action: 'open' };
}

/** Whether `url` is a page of the app's own renderer (same scheme and host as `appUrl`). */
export function isAppUrl(url: string, appUrl: string): boolean {
  const parsed = URL.parse(url);
  const app = new URL(appUrl);
  return parsed !== null && parsed.protocol === app.protocol && parsed.host === app.host;
}

/** The part of Electron's WebContents the policy hooks into. */
export type GuardedContents = {
  on(event: 'will-navigate', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/**
 * A window only ever shows the app: navigating away is refused and `window.open` never opens an
 * Electron window (either could put a remote page next to the preload). A link the user follows
 * opens in the system browser when it is a plain web page, after a question when it is risky
 * (see externalUrlVerdict); anything else is dropped.
 */
export function applyUrlPolicy(
  contents: GuardedContents,
  options: { appUrl: string; openExternal: (url: string) => unknown; confirm: (url: string, risk: LinkRisk) => Promise<boolean> },
): void {
  const openOutside = (url: string) => {
    const verdict = externalUrlVerdict(url);
    if (verdict.action === 'refuse') return;
    const opening = verdict.action === 'open'
      ? Promise.resolve(options.openExternal(url))
      : options.confirm(url, verdict.risk).then((isYes) => (isYes ? options.openExternal(url) : undefined));
    // No browser registered for the scheme is not worth a crash of main.
    opening.catch((error: unknown) => console.error('Could not open', url, error));
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, options.appUrl)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

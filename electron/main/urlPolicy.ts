/**
 * Which URLs may leave the app for the system browser: plain web pages only. `file:` could open
 * or run local files, `javascript:`/`data:` carry code, custom schemes launch other programs, and
 * credentials in a URL are a phishing pattern (https://bank.example@evil.example).
 */
export function isExternalUrlAllowed(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed) return false;
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
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
 * opens in the system browser when it is a plain web page; anything else is dropped.
 */
export function applyUrlPolicy(contents: GuardedContents, options: { appUrl: string; openExternal: (url: string) => unknown }): void {
  const openOutside = (url: string) => {
    if (!isExternalUrlAllowed(url)) return;
    // No browser registered for the scheme is not worth a crash of main.
    Promise.resolve(options.openExternal(url)).catch((error: unknown) => console.error('Could not open', url, error));
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

import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, with nothing reaching for the network on its own. */
export const CHROMIUM = process.env.PIEUVRE_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

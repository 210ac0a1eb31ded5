import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchBrowser } from './browser';
import { InboxPage } from './inboxPage';

type OpenOptions = Parameters<typeof InboxPage.open>[3];

/**
 * One Chromium per test file and a fresh app per test (its own core, data folder and browser
 * context), closed after the test, which fails on any error the page raised. A failed test
 * leaves a picture of what the page showed in test-results/.
 */
export function useInboxInChromium(): { open(locale?: string, options?: OpenOptions): Promise<InboxPage> } {
  const rendererDir = inject('rendererDir');
  let browser: Browser | undefined;
  let current: InboxPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (context) => {
    // A page that crashed cannot be read: the context still closes below.
    const failedOn = context.task.result?.state === 'fail' && current ? await keepWhatPageShowed(current, context.task.name).catch((error: unknown) => `(unreadable: ${String(error)})`) : null;
    const errors = current?.pageErrors ?? [];
    await current?.close();
    current = undefined;
    expect(errors).toEqual([]);
    // CI keeps only the printed output, not the picture: a rare hang is then still readable.
    if (failedOn !== null) throw new Error(`What the page showed when the test failed:\n${failedOn}`);
  });
  return {
    async open(locale = 'en-CA', options = {}) {
      if (!browser) throw new Error('useInboxInChromium: open the app inside a test.');
      current = await InboxPage.open(browser, rendererDir, locale, options);
      return current;
    },
  };
}

const SHOWN_CHARS = 1_500;

/** A picture in test-results/, and the page's visible text on one line to print. */
async function keepWhatPageShowed(inbox: InboxPage, testName: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  await inbox.page.screenshot({ path: `test-results/failed-${testName.replace(/\W+/g, '-')}.png` });
  // The list, the open conversation and any dialog or alert: the sidebar's counts say little.
  const text = await inbox.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main, #conversation-pane, [role="dialog"], [role="alert"]')]
      .map((part) => part.innerText.trim())
      .filter(Boolean)
      .join('\n---\n'),
  );
  return text.replace(/\s*\n\s*/gu, ' ⏎ ').slice(0, SHOWN_CHARS);
}

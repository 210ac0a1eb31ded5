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
    if (context.task.result?.state === 'fail' && current) {
      mkdirSync('test-results', { recursive: true });
      await current.page.screenshot({ path: `test-results/failed-${context.task.name.replace(/\W+/g, '-')}.png` });
    }
    const errors = current?.pageErrors ?? [];
    await current?.close();
    current = undefined;
    expect(errors).toEqual([]);
  });
  return {
    async open(locale = 'en-CA', options = {}) {
      if (!browser) throw new Error('useInboxInChromium: open the app inside a test.');
      current = await InboxPage.open(browser, rendererDir, locale, options);
      return current;
    },
  };
}

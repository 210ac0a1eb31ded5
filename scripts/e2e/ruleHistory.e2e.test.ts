import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
const CASES = [
  { locale: 'en-CA', spamView: /^Spam/, urgentView: /^Urgent/, urgentLine: 'Marked urgent by the rule “Mots de crise / Crisis words”', spamLine: 'Moved to Spam by the rule “Pourriel évident / Obvious spam”' },
  {
    locale: 'fr-CA',
    spamView: /^Pourriels/,
    urgentView: /^Urgent/,
    urgentLine: 'Marquée urgente par la règle «\u00a0Mots de crise / Crisis words\u00a0»',
    spamLine: 'Envoyée aux pourriels par la règle «\u00a0Pourriel évident / Obvious spam\u00a0»',
  },
] as const;

describe('what the built-in rules did, in the conversation’s history', () => {
  for (const { locale, spamView, urgentView, urgentLine, spamLine } of CASES) {
    it(`names the rule that marked a crisis urgent and moved obvious spam to Spam (${locale})`, async () => {
      const inbox = await chromium.open(locale);
      const { page } = inbox;
      await page.setViewportSize({ width: 1000, height: 700 });
      inbox.receiveDm('e2e-crisis', { externalId: 'e2e-parent', handle: '@marc', name: 'Marc Parent' }, 'Mon fils a eu une réaction allergique, il est à l’hôpital.');
      inbox.receiveDm('e2e-bot', { externalId: 'e2e-bot', handle: '@fastfans', name: 'Fast Fans' }, 'Buy followers cheap!! 10k real followers 👉 www.fastfans.xyz/buy');

      await page.getByRole('button', { name: urgentView }).click();
      await page.locator('[role="option"]', { hasText: 'Marc Parent' }).click();
      await expect.poll(() => page.locator('.history').allTextContents()).toContainEqual(expect.stringContaining(urgentLine));
      await screenshot(page, `rule-history/urgent-${locale}`);

      await page.getByRole('button', { name: spamView }).click();
      await page.locator('[role="option"]', { hasText: 'Fast Fans' }).click();
      await expect.poll(() => page.locator('.history').allTextContents()).toContainEqual(expect.stringContaining(spamLine));
      await screenshot(page, `rule-history/spam-${locale}`);
    });
  }
});

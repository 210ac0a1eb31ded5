import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
const HOUR = 3_600_000;

async function search(page: InboxPage, text: string) {
  await page.page.locator('#search-box').fill(text);
  await page.page.locator('#search-box').press('Enter');
  await expect.poll(async () => (await page.page.locator('.list-summary').textContent()) ?? '').toMatch(/^1 conversation/);
  await page.options.first().click();
}

describe('platform reply rules in the composer', () => {
  it('shows a Messenger DM past 24 hours as person-typed only, and says so under the reply', async () => {
    inbox = await chromium.open('en-CA');
    const facebook = inbox.harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get();
    inbox.harness.core.context.ingest({
      accountId: facebook?.id ?? '',
      source: 'e2e',
      items: [{ platform: 'facebook', kind: 'dm', externalId: 'late-dm', threadExternalId: 'late-dm', author: { externalId: 'zoe', handle: 'zoe.t', name: 'Zoé Tremblay' }, text: 'Vous livrez à Kamouraska?', createdAt: Date.now() - 26 * HOUR }],
    });
    await search(inbox, 'Kamouraska');
    const { page } = inbox;
    await page.locator('.conversation-row .chip.reply-window', { hasText: /^Human replies only, window closes in [56] days$/ }).waitFor();
    await page.locator('.pane-header .chip.reply-window', { hasText: 'Human replies only' }).waitFor();
    await page.locator('#composer-text').fill('Oui, le jeudi!');
    await page.getByText(/^Past the 24-hour window: this goes as a reply typed by a person \(allowed until /).waitFor();
    expect(await page.locator('.composer button[type="submit"]').isEnabled()).toBe(true);
  });

  it('counts each key at once, not the text from before typing paused', async () => {
    inbox = await chromium.open('en-CA');
    const { page } = inbox;
    await page.getByRole('button', { name: /^Mastodon/ }).click();
    await page.locator('[role="option"][data-status="open"]').first().click();
    await page.locator('#composer-text').fill('Merci');
    await page.locator('.reply-meter', { hasText: /^5 \/ 500$/u }).waitFor();
    // One key typed, and the meter read in the same task as the input event React handles: what
    // shows before the core's check of the new text can answer (it waits for typing to pause).
    const meterAfterKey = await page.evaluate(() => {
      const box = document.querySelector<HTMLTextAreaElement>('#composer-text');
      if (!box) return null;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, `${box.value} 🇨🇦`);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return document.querySelector('.reply-meter')?.textContent ?? null;
    });
    // Mastodon counts code points: the flag is two.
    expect(meterAfterKey).toBe('8 / 500');
  });

  it('counts as X does and refuses a reply over 280, in French', async () => {
    inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await page.getByRole('button', { name: /^X/ }).click();
    await page.locator('[role="option"][data-status="open"]').filter({ hasText: 'Commentaire' }).first().click();
    const box = page.locator('#composer-text');
    await box.fill(`${'a'.repeat(256)} https://brulerie.ca/commandes`);
    await page.locator('.reply-meter', { hasText: '280 / 280' }).waitFor();
    expect(await page.locator('.composer button[type="submit"]').isEnabled()).toBe(true);
    await box.press('End');
    await box.press('!');
    await page.getByText('Trop long pour X\u00a0: 281 sur 280.').waitFor();
    expect(await page.locator('.composer button[type="submit"]').isEnabled()).toBe(false);

    // A short reply gets X's own count: the link counts 23 and the emoji 2.
    await box.fill('Voir brulerie.ca ☕');
    await page.locator('.reply-meter', { hasText: /^31 \/ 280$/u }).waitFor();
    expect(await page.locator('.composer button[type="submit"]').isEnabled()).toBe(true);

    // Far over the limit: said at once, as a minimum, without measuring the text in full.
    await box.fill(`${'a.'.repeat(5_000)} ☕`);
    await page.locator('.reply-meter', { hasText: /^10\s002\+ \/ 280$/u }).waitFor();
    await page.getByText(/^Trop long pour X\u00a0: au moins 10\s002 sur 280\.$/u).waitFor();
  });
});

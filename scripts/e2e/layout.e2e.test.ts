import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found ?? { x: 0, y: 0, width: 0, height: 0 };
}

describe('the layout in Chromium', () => {
  it('at 1000×700 the four columns fit: the contact card, the language menu and the saved view’s name are whole', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const card = await box(inbox.page.locator('.contact-card'));
    expect(card.x + card.width).toBeLessThanOrEqual(1000);
    const inboxColumn = await box(inbox.page.locator('main.inbox'));
    const language = await box(inbox.page.locator('.toolbar select'));
    expect(language.x + language.width).toBeLessThanOrEqual(inboxColumn.x + inboxColumn.width);
    const sidebar = await box(inbox.page.locator('.sidebar'));
    const viewName = await box(inbox.page.locator('.save-view input'));
    expect(viewName.x + viewName.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
  });

  it('at 1000×700 each message’s ⋯ menu stays inside its bubble', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    inbox.receiveMention('narrow-head', { externalId: 'narrow-head', handle: '@marie@mastodon.example', name: 'Marie-Ève Lachance-Tremblay' }, 'Allô!');
    const bubble = inbox.page.locator('.message', { hasText: 'Allô!' });
    await inbox.options.filter({ hasText: 'Marie-Ève Lachance-Tremblay' }).first().click();
    const [outer, menu] = await Promise.all([box(bubble), box(bubble.getByRole('button', { name: 'Moderate this message' }))]);
    expect(menu.x + menu.width).toBeLessThanOrEqual(outer.x + outer.width);
  });

  it('at 1000×700 a row’s reply-window chip ends inside the row, its whole text in its title', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    inbox.receiveDm('chip-row', { externalId: 'chip-row', handle: '@chip', name: 'Chip Row' }, 'Allô!');
    const row = inbox.options.filter({ hasText: 'Chip Row' }).first();
    const chip = row.locator('.chip.reply-window');
    expect(await chip.getAttribute('title')).toMatch(/^Reply window closes /);
    expect(await chip.getAttribute('title')).toBe(await chip.textContent());
    const [meta, inside] = await Promise.all([box(row.locator('.row-meta')), box(chip)]);
    expect(inside.x + inside.width).toBeLessThanOrEqual(meta.x + meta.width);
  });

  it('a fediverse handle, which has no space to wrap at, stays inside the contact card', async () => {
    const inbox = await chromium.open();
    inbox.receiveMention('long-handle', { externalId: 'long-handle', handle: '@andreesimard1845@mastodon.example', name: 'Andrée' }, 'Allô!');
    await inbox.options.filter({ hasText: 'Andrée' }).first().click();
    const card = inbox.page.locator('.contact-card');
    await card.getByText('@andreesimard1845@mastodon.example').waitFor();
    expect(await card.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  });
});

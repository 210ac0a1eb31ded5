import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

const arrive = (inbox: InboxPage, count: number, prefix: string) => {
  for (let n = 1; n <= count; n++) inbox.receiveDm(`${prefix}-${n}`, { externalId: `${prefix}-author-${n}`, handle: `@${prefix}${n}`, name: `Nouvelle Cliente ${n}` }, `Bonjour, question numéro ${n}`);
  inbox.harness.core.events.emit('inbox.changed', { conversationIds: [], everything: false });
};

/** Where the selected row is on screen, and which conversation it is. */
const selectedSpot = async (inbox: InboxPage) => ({ id: await inbox.selectedId(), top: (await inbox.selected.boundingBox())?.y });


describe('the list does not move under the person working in it', () => {
  it('announces conversations arriving above the selected row ("3 new — show"); the row stays put until the person asks', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press('j', 'j');
    const spot = await selectedSpot(inbox);
    const firstRow = await inbox.options.first().getAttribute('id');

    arrive(inbox, 3, 'held');
    // The demo trickles its own newcomers in too: at least the three.
    const announcement = inbox.page.getByRole('button', { name: /^([3-9]|\d\d) new — show$/ });
    await announcement.waitFor();
    await screenshot(inbox.page, 'triage/held-en-1000');
    expect(await selectedSpot(inbox)).toEqual(spot);
    expect(await inbox.options.first().getAttribute('id')).toBe(firstRow);
    expect(await inbox.page.getByText('Nouvelle Cliente').count()).toBe(0);

    // A status change made elsewhere to the selected conversation shows on it, in its place.
    await inbox.harness.call('conversations.setStatus', { ids: [spot.id], status: 'done' });
    await expect.poll(() => inbox.selected.locator('.chip.status').textContent()).toBe('Done');
    expect(await selectedSpot(inbox)).toEqual(spot);

    // k up to the first row, and k once more: that is where the new ones are.
    await inbox.press('k', 'k', 'k');
    await announcement.waitFor({ state: 'detached' });
    await expect.poll(() => inbox.options.first().locator('.row-author').textContent()).toBe('Nouvelle Cliente 3');
    expect(await inbox.selected.getAttribute('id')).toBe(firstRow);
  });

  it('shows them with a click, in French', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press('j');
    const spot = await selectedSpot(inbox);
    arrive(inbox, 2, 'clic');
    const announcement = inbox.page.getByRole('button', { name: /^([2-9]|\d\d) nouvelles — afficher$/ });
    await announcement.waitFor();
    await screenshot(inbox.page, 'triage/held-fr-1000');
    expect(await selectedSpot(inbox)).toEqual(spot);
    await announcement.click();
    await expect.poll(() => inbox.options.locator('.row-author').evaluateAll((authors) => authors.slice(0, 2).map((author) => author.textContent))).toEqual(['Nouvelle Cliente 2', 'Nouvelle Cliente 1']);
    expect(await inbox.selectedId()).toBe(spot.id);
  });

  it('rows above the selected one done from elsewhere leave without moving it on screen', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press(...Array.from({ length: 10 }, () => 'j'));
    const spot = await selectedSpot(inbox);
    const above = await inbox.options.evaluateAll((rows, selectedId) => {
      const ids = rows.map((row) => row.id.replace('conversation-', ''));
      return ids.slice(0, ids.indexOf(selectedId)).slice(-3);
    }, spot.id);
    expect(above).toHaveLength(3);
    await inbox.harness.call('conversations.setStatus', { ids: above, status: 'done' });
    await expect.poll(() => inbox.page.locator(above.map((id) => `#conversation-${id}`).join(', ')).count()).toBe(0);
    expect(await selectedSpot(inbox)).toEqual(spot);
  });
});

import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

const changed = (inbox: InboxPage) => inbox.harness.core.events.emit('inbox.changed', { conversationIds: [], everything: false });

const arrive = (inbox: InboxPage, count: number, prefix: string) => {
  for (let n = 1; n <= count; n++) inbox.receiveDm(`${prefix}-${n}`, { externalId: `${prefix}-author-${n}`, handle: `@${prefix}${n}`, name: `Nouvelle Cliente ${n}` }, `Bonjour, question numéro ${n}`);
  changed(inbox);
};

/** Every row drawn on screen: which conversation, and where. */
const visibleRows = (inbox: InboxPage) =>
  inbox.options.evaluateAll((rows) => {
    const list = rows[0]?.closest('[role="listbox"]')?.getBoundingClientRect();
    return rows
      .map((row) => ({ id: row.id, top: Math.round(row.getBoundingClientRect().top) }))
      .filter((row) => list !== undefined && row.top >= list.top - 72 && row.top < list.bottom)
      .sort((a, b) => a.top - b.top);
  });

/** The announcement's count ("7 new — show", "7 nouvelles — afficher"), 0 when there is none. */
const announced = async (inbox: InboxPage) => {
  const button = inbox.page.locator('.list-summary .held-arrivals');
  return (await button.count()) === 0 ? 0 : Number((await button.textContent())?.match(/^\d+/)?.[0]);
};

const idOf = (rowId: string) => rowId.replace('conversation-', '');

describe('the list does not move under the person working in it', () => {
  it('keeps every row it shows in its place while messages and newcomers arrive; e selects the row below; "show" sorts it all', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press('j', 'j', 'j');
    const before = await visibleRows(inbox);
    const selected = await inbox.selectedId();
    const at = before.findIndex((row) => idOf(row.id) === selected);
    const [aboveId, belowId] = [idOf(before[at - 2]?.id ?? ''), idOf(before[at + 2]?.id ?? '')];
    const listTop = (await inbox.list.boundingBox())?.y;

    // A customer writes again above the row, another below it (a teammate's answer lifts a row
    // the same way), and two newcomers arrive: nothing on screen moves.
    inbox.writeAgain(aboveId, 'again-above', 'Finalement, c’est réglé au-dessus');
    inbox.writeAgain(belowId, 'again-below', 'Encore une question en dessous');
    arrive(inbox, 2, 'held');
    await expect.poll(() => announced(inbox)).toBeGreaterThanOrEqual(4);
    await expect.poll(() => inbox.page.locator(`#conversation-${belowId} .row-snippet`).textContent()).toBe('Encore une question en dessous');
    expect(await visibleRows(inbox)).toEqual(before);
    expect((await inbox.list.boundingBox())?.y).toBe(listTop);
    expect(await inbox.selectedId()).toBe(selected);
    await screenshot(inbox.page, 'triage/held-en-1000');

    // More of the same: the count only grows, and still nothing moves.
    const count = await announced(inbox);
    arrive(inbox, 1, 'later');
    await expect.poll(() => announced(inbox)).toBeGreaterThan(count);
    expect(await visibleRows(inbox)).toEqual(before);

    // Done elsewhere, just above the row: it stays in its place, marked Done.
    const doneElsewhere = idOf(before[at - 1]?.id ?? '');
    await inbox.harness.call('conversations.setStatus', { ids: [doneElsewhere], status: 'done' });
    await expect.poll(() => inbox.page.locator(`#conversation-${doneElsewhere} .chip.status`).textContent()).toBe('Done');
    expect(await visibleRows(inbox)).toEqual(before);

    // e takes the row out and puts the cursor on the row that was visibly below it.
    await inbox.press('e');
    await expect.poll(() => inbox.selectedId()).toBe(idOf(before[at + 1]?.id ?? ''));
    await expect.poll(() => inbox.statusInCore(selected)).toBe('done');
    const after = (await visibleRows(inbox)).map((row) => row.id).slice(0, before.length - 1);
    expect(after).toEqual(before.filter((row) => idOf(row.id) !== selected).map((row) => row.id));

    // ! (spam) likewise.
    const spammed = await inbox.selectedId();
    await inbox.press('!');
    await expect.poll(() => inbox.selectedId()).toBe(idOf(before[at + 2]?.id ?? ''));
    await expect.poll(() => inbox.statusInCore(spammed)).toBe('spam');

    // Show: the newcomers and the lifted ones on top, the one done elsewhere gone.
    const cursor = await inbox.selectedId();
    const shownCount = await announced(inbox);
    await inbox.page.locator('.list-summary .held-arrivals').click();
    await expect.poll(() => inbox.page.locator(`#conversation-${doneElsewhere}`).count()).toBe(0);
    // The demo's trickle goes on: what arrives after the click is announced anew.
    expect(await announced(inbox)).toBeLessThan(shownCount);
    const top = (await inbox.options.evaluateAll((rows) => rows.map((row) => row.id))).slice(0, 8).map(idOf);
    expect(top).toEqual(expect.arrayContaining([aboveId, belowId]));
    expect(await inbox.options.first().locator('.row-author').textContent()).toBe('Nouvelle Cliente 1');
    expect(await inbox.selectedId()).toBe(cursor);
  });

  it('k on the first row shows them; a row done elsewhere above stays marked until then (1920×1080)', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1920, height: 1080 });
    await inbox.focusList();
    await inbox.press('j', 'j');
    const before = await visibleRows(inbox);
    const firstRow = idOf(before[0]?.id ?? '');
    await inbox.harness.call('conversations.setStatus', { ids: [firstRow], status: 'done' });
    arrive(inbox, 3, 'held');
    await expect.poll(() => announced(inbox)).toBeGreaterThanOrEqual(3);
    await expect.poll(() => inbox.page.locator(`#conversation-${firstRow} .chip.status`).textContent()).toBe('Done');
    expect(await visibleRows(inbox)).toEqual(before);
    expect(await inbox.page.getByText('Nouvelle Cliente').count()).toBe(0);
    await screenshot(inbox.page, 'triage/held-done-elsewhere-en-1920');

    // k up to the first row, and k once more: that is where the new ones are.
    const shownCount = await announced(inbox);
    await inbox.press('k', 'k', 'k');
    await expect.poll(() => inbox.options.first().locator('.row-author').textContent()).toBe('Nouvelle Cliente 3');
    expect(await announced(inbox)).toBeLessThan(shownCount);
    expect(await inbox.page.locator(`#conversation-${firstRow}`).count()).toBe(0);
  });

  it('says it in French, on the summary line beside a bulk selection without moving a row, and shows them with a click', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press('x', 'j', 'x');
    const before = await visibleRows(inbox);
    const selected = await inbox.selectedId();
    arrive(inbox, 12, 'clic');
    const announcement = inbox.page.getByRole('button', { name: /^\d\d nouvelles — afficher$/ });
    await announcement.waitFor();
    await expect.poll(() => inbox.page.locator('.list-summary').textContent()).toMatch(/^\d+ conversations · 2 sélectionnées · \d+ nouvelles — afficher$/);
    await screenshot(inbox.page, 'triage/held-fr-1000');
    expect(await visibleRows(inbox)).toEqual(before);
    await announcement.click();
    await expect.poll(() => inbox.options.locator('.row-author').evaluateAll((authors) => authors.slice(0, 2).map((author) => author.textContent))).toEqual(['Nouvelle Cliente 12', 'Nouvelle Cliente 11']);
    expect(await inbox.selectedId()).toBe(selected);
  });
});

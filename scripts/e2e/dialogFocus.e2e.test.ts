import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

/** Where the keyboard is: inside the open dialog (not on it as a whole), and its label. */
const focusInDialog = (inbox: InboxPage) =>
  inbox.page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]');
    const active = document.activeElement;
    return { isInside: dialog !== null && active !== dialog && dialog.contains(active), what: `${active?.tagName} ${active?.getAttribute('aria-label') ?? active?.textContent?.slice(0, 30) ?? ''}` };
  });

/** A command from Ctrl+K, typed and chosen as a person would. */
async function fromPalette(inbox: InboxPage, command: string): Promise<void> {
  await inbox.press('Control+k');
  await inbox.page.getByRole('dialog').waitFor();
  await inbox.page.keyboard.type(command);
  await inbox.press('Enter');
}

/** Each dialog a person reaches from the keyboard, and how. */
const DIALOGS: { name: string; open(inbox: InboxPage): Promise<void> }[] = [
  { name: 'hours', open: (inbox) => fromPalette(inbox, 'My working hours') },
  { name: 'team', open: (inbox) => fromPalette(inbox, 'Team, on call') },
  { name: 'templates', open: (inbox) => fromPalette(inbox, 'Reply templates') },
  { name: 'settings', open: (inbox) => fromPalette(inbox, 'Settings') },
  { name: 'shortcuts', open: (inbox) => inbox.press('?') },
  { name: 'palette', open: (inbox) => inbox.press('Control+k') },
];

describe('every dialog takes the keyboard, keeps it, and gives it back', () => {
  it.each(DIALOGS)('$name: focus moves inside on open, Tab and Shift+Tab stay inside, Escape gives it back to the list', async ({ name, open }) => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await open(inbox);
    const dialog = inbox.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    // A dialog that reads its content first (My hours) hands focus on when its fields arrive.
    await expect.poll(async () => (await focusInDialog(inbox)).isInside, { message: name }).toBe(true);
    for (const key of [...Array<string>(25).fill('Tab'), ...Array<string>(25).fill('Shift+Tab')]) {
      await inbox.press(key);
      const where = await focusInDialog(inbox);
      expect(where.isInside, `${name}: ${key} went to ${where.what}`).toBe(true);
    }
    await inbox.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => inbox.hasFocus(inbox.list)).toBe(true);
  });

  it('My hours from the sidebar: its first field has focus, and the sidebar button has it back on close (French)', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const button = inbox.page.getByRole('navigation').getByRole('button', { name: /^Mes heures/ });
    await button.click();
    await expect.poll(async () => (await focusInDialog(inbox)).isInside).toBe(true);
    await screenshot(inbox.page, 'dialogs/hours-focus-fr-1000');
    await inbox.press('Tab');
    expect((await focusInDialog(inbox)).isInside).toBe(true);
    await inbox.press('Escape');
    await expect.poll(() => inbox.hasFocus(button)).toBe(true);
  });

  it('the digest and the accounts’ connect dialog take focus too', async () => {
    const inbox = await chromium.open();
    await inbox.page.getByRole('navigation').getByRole('button', { name: /^Since you left/ }).click();
    await expect.poll(async () => (await focusInDialog(inbox)).isInside).toBe(true);
    await inbox.press('Escape');
    await inbox.page.getByRole('dialog').waitFor({ state: 'detached' });
    await inbox.focusList();
    await fromPalette(inbox, 'Accounts');
    const connect = inbox.page.getByRole('button', { name: 'Connect an account' });
    await connect.click();
    await expect.poll(async () => (await focusInDialog(inbox)).isInside).toBe(true);
    await inbox.press('Escape');
    await expect.poll(() => inbox.hasFocus(connect)).toBe(true);
  });
});

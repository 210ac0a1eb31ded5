import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describe('team in Chromium', () => {
  it('a teammate added while I peek off duty is named on the off-shift screen as on duty', async () => {
    inbox = await chromium.open();
    const { page } = inbox;
    await inbox.goOffDuty();
    await page.getByText('Nobody else is on duty right now.').waitFor();

    await page.getByRole('button', { name: 'Peek anyway' }).click();
    await inbox.options.first().waitFor();
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('Team, on call');
    await inbox.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Team' });
    await dialog.getByRole('button', { name: 'Add a teammate' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Camille Roy');
    for (const day of WEEKDAYS) await dialog.getByLabel(day).fill('00:00-24:00');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const row = dialog.getByRole('listitem').filter({ hasText: 'Camille Roy' });
    await row.getByText('On duty').waitFor();
    expect(inbox.harness.core.duty.peopleNow().map(({ person, duty }) => [person.name, duty.isOnDuty])).toEqual([['', false], ['Camille Roy', true]]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Back to my time off' }).click();
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    await page.getByText('On duty now: Camille Roy').waitFor();
  });
});

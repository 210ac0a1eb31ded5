import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

describe('data in Chromium', () => {
  it('backs up now, restores that backup from the list with the data still there, and lists a quarantined item as plain text', async () => {
    const inbox = await chromium.open();
    const { page, harness } = inbox;
    const db = () => harness.core.context.db;
    const facebook = db().prepare<[], string>("SELECT id FROM accounts WHERE platform = 'facebook'").pluck().get() ?? '';
    harness.core.context.ingest({ accountId: facebook, source: 'poll:facebook', items: [{ platform: 'facebook', text: '<b>not html</b>' }] });
    const conversationsAtBackup = db().prepare<[], string>('SELECT id FROM conversations ORDER BY id').pluck().all();

    const data = await inbox.openSettings('Data');
    await data.getByRole('button', { name: 'Back up now' }).click();
    await data.getByText(/^Backup done \(/).waitFor();
    const manual = data.getByRole('listitem').filter({ hasText: 'Made by hand' });
    await expect.poll(() => manual.count()).toBe(1);
    await data.getByRole('button', { name: 'Close' }).click();

    // Something new after the backup: the restore takes the inbox back to before it.
    inbox.receiveDm('after-backup', { externalId: 'late-fan', handle: '@late', name: 'Late Fan' }, 'Written after the backup');
    await inbox.options.filter({ hasText: 'Written after the backup' }).waitFor();

    await inbox.openSettings('Data');
    await manual.getByRole('button', { name: /^Restore the backup of / }).click();
    const confirm = data.getByRole('alertdialog');
    await confirm.getByText('Your current data is backed up first').waitFor();
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

    // Every window reloads onto the restored data.
    await page.waitForEvent('load');
    await inbox.options.first().waitFor();
    expect(await inbox.options.filter({ hasText: 'Written after the backup' }).count()).toBe(0);
    const conversationsNow = new Set(db().prepare<[], string>('SELECT id FROM conversations').pluck().all());
    expect(conversationsAtBackup.filter((id) => !conversationsNow.has(id))).toEqual([]);
    expect(db().prepare("SELECT count(*) AS n FROM messages WHERE external_id = 'after-backup'").get()).toEqual({ n: 0 });

    const afterRestore = await inbox.openSettings('Data');
    await afterRestore.getByRole('listitem').filter({ hasText: 'Before a restore' }).waitFor();
    await afterRestore.getByRole('button', { name: 'See the rejected items' }).click();
    const { name, reason } = db().prepare<[], { name: string; reason: string }>('SELECT a.name, r.reason FROM rejected_items r JOIN accounts a ON a.id = r.account_id').get() ?? { name: '?', reason: '?' };
    const group = afterRestore.getByRole('region', { name });
    await group.getByRole('heading', { name: `${name} (Facebook) · 1 item` }).waitFor();
    await group.getByText(reason, { exact: true }).waitFor();
    const payload = group.getByLabel('What the platform sent (start)');
    expect(await payload.textContent()).toBe('{"platform":"facebook","text":"<b>not html</b>"}');
    expect(await payload.locator('b').count()).toBe(0);
  });

  it('Escape in the restore confirmation cancels only the question, and the focus goes back to that Restore…', async () => {
    const inbox = await chromium.open();
    const data = await inbox.openSettings('Data');
    const restore = data.getByRole('button', { name: /^Restore the backup of / }).first();
    await restore.click();
    await data.getByRole('alertdialog').waitFor();
    await inbox.press('Escape');
    await data.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await data.isVisible()).toBe(true);
    expect(await inbox.hasFocus(restore)).toBe(true);
  });
});

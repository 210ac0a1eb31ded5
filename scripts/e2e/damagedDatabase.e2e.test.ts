import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/core';
import { BACKUPS_FOLDER, backupFileName } from '../../electron/core/data/backupFiles';
import { damageTagsTable } from '../../electron/core/testing/damageDatabase';
import { addAccount, commentItem, T0 } from '../../electron/core/testing/itemBuilder';
import { makePrivateDir } from '../../electron/core/store/privateFiles';
import type { InboxPage } from './inboxPage';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

/** A database an earlier run left, since damaged on disk: it opens, and the background check finds it. */
function damagedDatabase(dataDir: string): void {
  createCore({ dataDir }).close();
  damageTagsTable(join(dataDir, DATABASE_FILE));
}

/**
 * A workspace backed up by hand with one conversation, then given another, then damaged on disk:
 * restoring the backup brings the first back and not the second. Returns the damaged file's digest.
 */
function damagedAfterBackup(dataDir: string): string {
  const core = createCore({ dataDir });
  const accountId = addAccount(core.context.db);
  core.context.ingest({ accountId, source: 'e2e', items: [commentItem({ n: 1, text: 'Kept in the backup' })] });
  // VACUUM INTO: a whole, consistent copy made synchronously, as the folder must be ready before the core opens.
  core.context.db.prepare('VACUUM INTO ?').run(join(makePrivateDir(join(dataDir, BACKUPS_FOLDER)), backupFileName('manual', T0)));
  core.context.ingest({ accountId, source: 'e2e', items: [commentItem({ n: 2, text: 'Written after the backup' })] });
  core.close();
  damageTagsTable(join(dataDir, DATABASE_FILE));
  return digest(join(dataDir, DATABASE_FILE));
}

/** After a restore every window reloads: the inbox is back, with the backup's conversation only. */
async function expectInboxFromBackup(inbox: InboxPage, damagedDigest: string): Promise<void> {
  await inbox.page.waitForEvent('load');
  await inbox.options.filter({ hasText: 'Kept in the backup' }).waitFor();
  expect(await inbox.options.filter({ hasText: 'Written after the backup' }).count()).toBe(0);
  expect(inbox.harness.core.health.status().state).toBe('ok');
  const backupsFolder = join(inbox.dataDir, BACKUPS_FOLDER);
  const kept = readdirSync(backupsFolder).filter((name) => /^pieuvre-damaged-[\d-]+\.db$/.test(name));
  expect(kept).toHaveLength(1);
  expect(digest(join(backupsFolder, kept[0] ?? ''))).toBe(damagedDigest);
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a damaged database in Chromium', () => {
  it('shows a full-screen explanation with the data folder and what SQLite found; the core writes nothing', async () => {
    let dataDir = '';
    let before = '';
    const inbox = await chromium.open('en-CA', {
      waitForInbox: false,
      prepareDataDir: (dir) => {
        damagedDatabase(dir);
        dataDir = dir;
        before = digest(join(dir, DATABASE_FILE));
      },
    });
    const { page } = inbox;
    await page.getByRole('heading', { name: 'Your inbox’s database is damaged' }).waitFor();
    await page.getByText('so it stopped saving anything to it').waitFor();
    expect(await page.locator('.damaged-database-folder').textContent()).toBe(dataDir);
    expect((await page.locator('.damaged-database-log').textContent())?.trim()).not.toBe('');
    expect(await page.locator('[role="listbox"]').count()).toBe(0);

    await expect(inbox.harness.call('views.save', { name: 'Soir', filter: {} })).rejects.toThrow(/The database is damaged, so Pieuvre stopped saving changes to it/);
    expect(digest(join(dataDir, DATABASE_FILE))).toBe(before);

    const quitAsked = new Promise<unknown>((resolve) => inbox.harness.core.events.subscribe((message) => message.name === 'app.quit' && resolve(message.payload)));
    await page.getByRole('button', { name: 'Quit Pieuvre' }).click();
    expect(await quitAsked).toEqual({});
  });

  it('lists the backups and restores one with the keyboard: the damaged file is kept aside, the inbox comes back', async () => {
    let damagedDigest = '';
    const inbox = await chromium.open('en-CA', { waitForInbox: false, prepareDataDir: (dir) => (damagedDigest = damagedAfterBackup(dir)) });
    const backups = inbox.page.getByRole('region', { name: 'Restore a backup' });
    const row = backups.getByRole('listitem').filter({ hasText: 'Made by hand' });
    await row.waitFor();
    await inbox.page.getByRole('button', { name: 'Quit Pieuvre' }).waitFor();

    await row.getByRole('button', { name: /^Restore the backup of / }).focus();
    await inbox.page.keyboard.press('Enter');
    const confirm = backups.getByRole('alertdialog');
    await confirm.getByText(`kept as it is, named pieuvre-damaged-(date and time).db, in ${join(inbox.dataDir, BACKUPS_FOLDER)}. The backup then replaces it and Pieuvre reloads.`).waitFor();
    // Cancel has the focus; the restore is one step back.
    await inbox.page.keyboard.press('Shift+Tab');
    await confirm.getByRole('button', { name: 'Restore this backup' }).and(inbox.page.locator(':focus')).waitFor();
    await inbox.page.keyboard.press('Enter');

    await expectInboxFromBackup(inbox, damagedDigest);
  });

  it('says it in French too, and restores with the mouse', async () => {
    let damagedDigest = '';
    const inbox = await chromium.open('fr-CA', { waitForInbox: false, prepareDataDir: (dir) => (damagedDigest = damagedAfterBackup(dir)) });
    await inbox.page.getByRole('heading', { name: 'La base de données de votre boîte de réception est endommagée' }).waitFor();
    await inbox.page.getByRole('button', { name: 'Quitter Pieuvre' }).waitFor();
    const backups = inbox.page.getByRole('region', { name: 'Restaurer une sauvegarde' });

    await backups.getByRole('listitem').filter({ hasText: 'Faite à la main' }).getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
    const confirm = backups.getByRole('alertdialog');
    await confirm.getByText('Le fichier endommagé n’est pas supprimé').waitFor();
    await confirm.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();

    await expectInboxFromBackup(inbox, damagedDigest);
  });
});

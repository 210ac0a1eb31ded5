import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/core';
import { damageTagsTable } from '../../electron/core/testing/damageDatabase';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

/** A database an earlier run left, since damaged on disk: it opens, and the background check finds it. */
function damagedDatabase(dataDir: string): void {
  createCore({ dataDir }).close();
  damageTagsTable(join(dataDir, DATABASE_FILE));
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

  it('says it in French too', async () => {
    const inbox = await chromium.open('fr-CA', { waitForInbox: false, prepareDataDir: damagedDatabase });
    await inbox.page.getByRole('heading', { name: 'La base de données de votre boîte de réception est endommagée' }).waitFor();
    await inbox.page.getByRole('button', { name: 'Quitter Pieuvre' }).waitFor();
  });
});

import { describe, expect, it } from 'vitest';
import type { MessageUpdateInput } from '../../shared/domain/incomingItem';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
const author = { externalId: 'https://social.example/users/lea', handle: '@lea@social.example', name: 'Léa Gagnon' };

/** The demo Mastodon account: a mention arriving now, then what its server says about it later. */
function mastodon(inbox: InboxPage) {
  const { db, ingest } = inbox.harness.core.context;
  const accountId = db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'mastodon'").get()?.id ?? '';
  return {
    receive: () =>
      ingest({
        accountId,
        source: 'e2e',
        items: [{
          platform: 'mastodon', kind: 'mention', externalId: 'e2e-lea', threadExternalId: 'e2e-lea', author, text: '@brulerie Your latte art is a little sad today', createdAt: Date.now() + 60_000,
          attachments: [
            { kind: 'image', url: 'https://media.social.example/latte.jpg', alt: 'A latte with a lopsided heart' },
            { kind: 'link', url: 'https://social.example/@lea/menu', alt: null },
          ],
        }],
      }),
    update: (update: MessageUpdateInput) => ingest({ accountId, source: 'e2e', items: [], updates: [update] }),
  };
}

describe('what the platform says about a message, in Chromium', () => {
  it('shows attachments as links without loading them, then an edit and a deletion on the platform as they arrive', async () => {
    const inbox = await chromium.open('en-CA');
    const { page } = inbox;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const server = mastodon(inbox);
    server.receive();
    await page.getByRole('option', { name: /Léa Gagnon/ }).click();
    const message = page.locator('.message', { hasText: 'latte art' });
    const attachments = message.getByRole('list', { name: 'Attachments' });
    const image = attachments.getByRole('link', { name: 'Image: A latte with a lopsided heart' });
    await image.waitFor();
    expect(await image.getAttribute('href')).toBe('https://media.social.example/latte.jpg');
    // Opened like any link in a message: the shell's link policy decides, in the browser.
    expect(await image.getAttribute('target')).toBe('_blank');
    expect(await attachments.getByRole('link').allTextContents()).toEqual(['Image: A latte with a lopsided heart', 'https://social.example/@lea/menu']);

    const editedAt = Date.now() + 120_000;
    server.update({ change: 'edited', platform: 'mastodon', externalId: 'e2e-lea', text: '@brulerie Your latte art made my morning', editedAt });
    const edited = page.locator('.message', { hasText: 'made my morning' });
    const mark = edited.locator('.chip.edited', { hasText: 'edited' });
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toMatch(/^Edited on /);
    await page.getByRole('option', { name: /made my morning/ }).waitFor();
    expect(await page.locator('.message', { hasText: 'a little sad' }).count()).toBe(0);

    server.update({ change: 'deleted', platform: 'mastodon', externalId: 'e2e-lea', deletedAt: editedAt + 60_000 });
    await edited.getByText('Deleted on Mastodon').waitFor();
    // The words stay readable here, muted: what was said is still worth knowing.
    await edited.getByText('Your latte art made my morning').waitFor();
    expect(await edited.getAttribute('class')).toContain('is-deleted-on-platform');
    await page.screenshot({ path: 'test-results/platform-changes.png' });

    expect(requested.filter((url) => url.includes('social.example'))).toEqual([]);
    expect(await page.locator('img[src*="social.example"]').count()).toBe(0);
  });
});

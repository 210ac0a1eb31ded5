import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoItems } from '../../electron/core/connectors/demo/generateDemoItems';
import { conversationKindOf } from '../../electron/core/ingest/conversationKind';
import type { Platform } from '../../shared/domain/platform';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

const KIND_WORDS = { comment: ['comment', 'comments'], mention: ['mention', 'mentions'], dm: ['direct message', 'direct messages'] } as const;

/** Demo traffic for one platform, as its account would receive it: every thread in it is new. */
function receiveDemoItems(page: InboxPage, platform: Platform, count: number): Map<string, Set<string>> {
  const { db } = page.harness.core.context;
  const account = db.prepare<[string], { id: string }>('SELECT id FROM accounts WHERE platform = ? AND is_demo = 1').get(platform);
  const start = Date.now();
  const items = generateDemoItems({ seed: 77, platform, startIndex: 0, count, times: (index) => start + index * 1000 });
  page.harness.core.context.ingest({ accountId: account?.id ?? '', source: 'e2e', items });
  // Expected: the distinct threads, by the kind of conversation they make.
  const threads = new Map<string, Set<string>>();
  for (const item of items) {
    const kind = conversationKindOf(item.kind);
    threads.set(kind, (threads.get(kind) ?? new Set()).add(item.threadExternalId));
  }
  return threads;
}

/** Off duty now, as "I'm off now" does; the page shows the off-shift screen. */
async function goOff(page: InboxPage, heading: string): Promise<void> {
  page.harness.core.demo.stop();
  page.harness.core.duty.override('off');
  await page.page.getByRole('heading', { name: heading }).waitFor();
}

describe('"since you left" in Chromium', () => {
  it('opens by itself on coming back on duty, counts what came in, closes with Escape, and reopens from the sidebar', async () => {
    inbox = await chromium.open();
    const { page, harness } = inbox;
    const offAt = Date.now();
    await goOff(inbox, 'You are off duty');
    const expected = new Map<Platform, Map<string, Set<string>>>();
    for (const platform of ['facebook', 'instagram', 'youtube'] as const) expected.set(platform, receiveDemoItems(inbox, platform, 40));
    inbox.receiveDm('e2e-crisis', { externalId: 'e2e-parent', handle: '@marc', name: 'Marc Parent' }, 'Mon fils a eu une réaction allergique, il est à l’hôpital.');
    const facebook = expected.get('facebook');
    facebook?.set('dm', (facebook.get('dm') ?? new Set()).add('e2e-crisis-thread'));
    // Obvious spam went to Spam as it arrived (the built-in rule), and Since you left leaves Spam out.
    const spam = new Set(harness.core.context.db.prepare<[], { thread: string }>("SELECT thread_external_id AS thread FROM conversations WHERE status = 'spam'").all().map((row) => row.thread));
    for (const threads of [...expected.values()].flatMap((kinds) => [...kinds.values()])) for (const thread of spam) threads.delete(thread);

    harness.core.duty.override('clear');
    const dialog = page.getByRole('dialog', { name: 'Since you left' });
    await dialog.waitFor();
    await dialog.getByText(/^Since you went off duty, /).waitFor();
    const total = [...expected.values()].flatMap((kinds) => [...kinds.values()]).reduce((sum, threads) => sum + threads.size, 0);
    await dialog.getByRole('heading', { name: `${total} new conversations`, exact: true }).waitFor();
    for (const [platform, kinds] of expected) {
      const line = dialog.locator('.digest-platforms li').filter({ has: page.locator(`[data-platform="${platform}"]`) });
      const text = await line.textContent();
      for (const [kind, threads] of kinds) {
        const [one, many] = KIND_WORDS[kind as keyof typeof KIND_WORDS];
        expect(text).toContain(`${threads.size} ${threads.size === 1 ? one : many}`);
      }
    }
    // Which demo texts carry a crisis word is the corpus's business: the core's record says how many became urgent.
    const urgent = harness.core.context.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM conversations WHERE urgent_at >= ?').get(offAt)?.n;
    await dialog.getByRole('heading', { name: `Urgent (${urgent})` }).waitFor();
    await dialog.locator('.digest-entry', { hasText: 'Marc Parent' }).getByText('Still waiting for an answer').waitFor();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/digest.png' });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => harness.core.context.db.prepare('SELECT digest_dismissed_at AS at FROM people WHERE is_me = 1').get()).toMatchObject({ at: expect.any(Number) });

    // Once per return: a reload does not bring it back by itself; the sidebar does.
    await page.reload();
    await inbox.options.first().waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Since you left' }).click();
    await dialog.getByRole('heading', { name: `${total} new conversations`, exact: true }).waitFor();

    // The oldest waiting conversation is far down the list: it opens, and stays open as new items arrive.
    const oldest = dialog.locator('#digest-waiting + ul .digest-entry');
    const author = (await oldest.locator('.digest-entry-author').textContent()) ?? '';
    await oldest.click();
    await dialog.waitFor({ state: 'detached' });
    const pane = page.getByRole('region', { name: author });
    await pane.getByRole('heading', { name: author }).waitFor();
    inbox.receiveDm('e2e-later', { externalId: 'e2e-later', handle: '@later', name: 'Arrivée Tardive' }, 'Bonjour!');
    // The person is working on that conversation: the newcomer is announced, and shown when asked.
    await page.getByRole('button', { name: /new — show$/ }).click();
    const later = page.locator('[role="option"]', { hasText: 'Arrivée Tardive' });
    await later.waitFor();
    expect(await later.getAttribute('aria-selected')).toBe('false');
    await pane.getByRole('heading', { name: author }).waitFor();
  });

  it('in French, says a quiet absence in one friendly line, and closes with its button', async () => {
    inbox = await chromium.open('fr-CA');
    const { page, harness } = inbox;
    await goOff(inbox, 'Vous êtes en dehors de vos heures');
    harness.core.duty.override('clear');
    const dialog = page.getByRole('dialog', { name: 'Depuis votre départ' });
    await dialog.getByText(/^Depuis la fin de votre quart, /).waitFor();
    await dialog.getByText('Tout a été calme pendant votre absence').waitFor();
    expect(await dialog.getByRole('heading', { name: /nouvelles? conversations?/ }).count()).toBe(0);
    await dialog.getByRole('heading', { name: 'En attente de réponse depuis le plus longtemps' }).waitFor();
    await dialog.getByText(/^Premier message sans réponse /).waitFor();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/digest-fr-quiet.png' });
    await dialog.getByRole('button', { name: 'Retour à la boîte de réception' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../shared/domain/incomingItem';
import type { Platform } from '../../shared/domain/platform';
import { ScriptedConnector } from '../../electron/core/testing/scriptedConnector';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

/** Messages arriving now on a demo account, newer than anything the demo made: the top of the list. */
function receive(page: InboxPage, platform: Platform, items: { id: string; author: string; text: string; minutesAhead: number; direction?: 'in' | 'out' }[]): void {
  const { db, ingest } = page.harness.core.context;
  const account = db.prepare<[string], { id: string }>('SELECT id FROM accounts WHERE platform = ?').get(platform);
  ingest({
    accountId: account?.id ?? '',
    source: 'e2e',
    items: items.map(({ id, author, text, minutesAhead, direction = 'in' }): IncomingItemInput => ({
      platform,
      kind: platform === 'mastodon' ? 'mention' : 'comment',
      direction,
      externalId: id,
      // The brand's reply joins the thread it answers.
      threadExternalId: direction === 'out' ? items[0]?.id ?? id : id,
      author: { externalId: `${id}-author`, handle: `@${author.toLowerCase().replace(/\W/gu, '')}`, name: author },
      text,
      createdAt: Date.now() + minutesAhead * 60_000,
      post: platform === 'mastodon' ? null : { externalId: 'e2e-post', text: 'Notre Mont-Royal est de retour!' },
    })),
  });
}

const flags = (page: InboxPage, externalId: string) =>
  page.harness.core.context.db.prepare<[string], { is_hidden: number; is_deleted: number }>('SELECT is_hidden, is_deleted FROM messages WHERE external_id = ?').get(externalId);

describe('moderation in Chromium', () => {
  it('hides a comment from the pane, deletes another after confirming, and reports two checked conversations as spam', async () => {
    // Deletions wait for the undo delay: none here, so the test sees them land.
    inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    receive(inbox, 'facebook', [
      { id: 'e2e-rude', author: 'Roger Rude', text: 'Votre café goûte le carton.', minutesAhead: 1 },
      { id: 'e2e-scam', author: 'Crypto Kevin', text: 'Gagnez 5000 $ par jour, lien dans ma bio', minutesAhead: 2 },
    ]);

    await page.locator('[role="option"]', { hasText: 'Roger Rude' }).click();
    const rude = page.locator('.message', { hasText: 'goûte le carton' });
    await rude.getByRole('button', { name: 'Moderate this message' }).click();
    const menu = rude.getByRole('menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Hide on Facebook', 'Delete on Facebook…']);
    await menu.getByRole('menuitem', { name: 'Hide on Facebook' }).click();
    await rude.getByText('Hidden on the platform').waitFor();
    await page.locator('.history', { hasText: 'Comment by Roger Rude hidden' }).waitFor();
    expect(flags(inbox, 'e2e-rude')).toEqual({ is_hidden: 1, is_deleted: 0 });
    // h on the focused conversation takes it back: hiding is reversible, so no question asked.
    await inbox.focusList();
    await inbox.press('h');
    await rude.getByText('Hidden on the platform').waitFor({ state: 'detached' });

    await page.locator('[role="option"]', { hasText: 'Crypto Kevin' }).click();
    const scam = page.locator('.message', { hasText: 'Gagnez 5000' });
    await scam.getByRole('button', { name: 'Moderate this message' }).click();
    await scam.getByRole('menuitem', { name: 'Delete on Facebook…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the comment by Crypto Kevin on Facebook?' });
    await confirm.getByText('cannot be brought back').waitFor();
    expect(flags(inbox, 'e2e-scam')?.is_deleted).toBe(0);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.message', { hasText: 'This message was deleted.' }).waitFor();
    expect(flags(inbox, 'e2e-scam')?.is_deleted).toBe(1);

    receive(inbox, 'mastodon', [
      { id: 'e2e-spam-1', author: 'Promo Bot', text: 'Des rabais incroyables sur ma page!', minutesAhead: 3 },
      { id: 'e2e-spam-2', author: 'Promo Bot Deux', text: 'Des abonnés pour 1 $!', minutesAhead: 4 },
    ]);
    // The person is working in the list: the newcomers wait above it until asked for.
    await page.getByRole('button', { name: '2 new — show' }).click();
    const spamRows = page.locator('[role="option"]', { hasText: /Promo Bot/ });
    await expect.poll(() => spamRows.count()).toBe(2);
    await spamRows.first().click();
    await inbox.focusList();
    await inbox.press('x', 'j', 'x', 'm');
    const picker = page.getByRole('dialog', { name: 'Moderate 2 conversations' });
    await picker.getByText('Acts on the latest message from the other person in each selected conversation.').waitFor();
    await picker.getByRole('option', { name: 'Report as spam…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Report 2 conversations as spam?' });
    await bulk.getByRole('button', { name: 'Report as spam' }).click();
    await expect.poll(() => spamRows.count()).toBe(0);
    const statuses = inbox.harness.core.context.db
      .prepare<[], { status: string }>("SELECT status FROM conversations WHERE thread_external_id LIKE 'e2e-spam-%' ORDER BY thread_external_id")
      .all();
    expect(statuses).toEqual([{ status: 'spam' }, { status: 'spam' }]);
  });
});

describe('a bulk block in Chromium', () => {
  // The demo has no Reddit account: its own words are checked in ModerationConsequences.test.tsx.
  it('says per platform what blocking does: unblockable here on Bluesky and Mastodon, for good on YouTube (fr-CA)', async () => {
    inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    receive(inbox, 'youtube', [{ id: 'e2e-yt', author: 'Troll Tube', text: 'Première!', minutesAhead: 1 }]);
    receive(inbox, 'bluesky', [{ id: 'e2e-sky', author: 'Troll Sky', text: 'Lol ce café', minutesAhead: 2 }]);
    receive(inbox, 'mastodon', [{ id: 'e2e-md', author: 'Troll Toot', text: 'Boycott!', minutesAhead: 3 }]);
    const rows = page.locator('[role="option"]', { hasText: /Troll/u });
    await expect.poll(() => rows.count()).toBe(3);
    await rows.first().click();
    await inbox.focusList();
    await inbox.press('x', 'j', 'x', 'j', 'x', 'm');
    await page.getByRole('dialog', { name: 'Modérer 3 conversations' }).getByRole('option', { name: 'Bloquer les auteurs…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bloquer les auteurs de 3 conversations?' });
    const said = (platform: string) => confirm.getByRole('listitem').filter({ hasText: new RegExp(`^Sur ${platform}\u00a0: `, 'u') });
    await said('Mastodon et Bluesky').getByText('Vous pourrez la débloquer ici plus tard.', { exact: false }).waitFor();
    await said('YouTube').getByText('seul YouTube Studio le peut', { exact: false }).waitFor();
    expect(await confirm.getByRole('listitem').count()).toBe(2);
    // The promise to unblock here is made once, for Mastodon and Bluesky only.
    expect(await confirm.getByText('débloquer ici plus tard', { exact: false }).count()).toBe(1);
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await confirm.waitFor({ state: 'detached' });
  });
});

describe('moderation in Chromium, on an account with Mastodon’s real rights', () => {
  it('reports with a reason, mutes (then offers unmuting), and offers deleting only on the brand’s own reply (fr-CA)', async () => {
    let mastodon: ScriptedConnector | undefined;
    inbox = await chromium.open('fr-CA', {
      beforeLoad: async (harness) => {
        await harness.call('outbox.setUndoDelay', { undoSendMs: 0 });
        const { db, connectors } = harness.core.context;
        const account = db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'mastodon'").get();
        // What the Mastodon connector declares: no hiding, no deleting others' posts.
        mastodon = new ScriptedConnector([], { now: Date.now, moderation: ['delete_own', 'mute_author', 'unmute_author', 'block_author', 'unblock_author', 'report'] });
        connectors.register(account?.id ?? '', mastodon);
      },
    });
    const { page } = inbox;
    receive(inbox, 'mastodon', [
      { id: 'e2e-troll', author: 'Troll Tremblay', text: 'Votre service est nul, je vais le dire à tout le monde.', minutesAhead: 5 },
      { id: 'e2e-ours', author: 'Brûlerie', text: 'Désolés de l’entendre : écrivez-nous en privé, on va arranger ça.', minutesAhead: 6, direction: 'out' },
    ]);
    await page.locator('[role="option"]', { hasText: 'Troll Tremblay' }).click();
    const troll = page.locator('.message', { hasText: 'service est nul' });
    const openMenu = async () => {
      await troll.getByRole('button', { name: 'Modérer ce message' }).click();
      return troll.getByRole('menu').getByRole('menuitem').allTextContents();
    };
    expect(await openMenu()).toEqual(['Mettre Troll Tremblay en sourdine sur Mastodon', 'Bloquer Troll Tremblay sur Mastodon…', 'Signaler aux modérateurs de Mastodon…']);
    await troll.getByRole('menuitem', { name: 'Signaler aux modérateurs de Mastodon…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Signaler le message de Troll Tremblay aux modérateurs de Mastodon?' });
    await confirm.getByLabel('Pourquoi (facultatif, pour les modérateurs)').fill('Menaces répétées envers notre équipe');
    await page.screenshot({ path: 'test-results/moderation-report-fr.png' });
    await confirm.getByRole('button', { name: 'Signaler', exact: true }).click();
    await page.locator('.history', { hasText: 'Message de Troll Tremblay signalé aux modérateurs' }).waitFor();
    expect(mastodon?.moderated).toMatchObject([{ action: 'report', messageExternalId: 'e2e-troll', reason: 'Menaces répétées envers notre équipe' }]);

    // Muting is undone in one step: no question asked, and the menu then offers the way back.
    await troll.getByRole('button', { name: 'Modérer ce message' }).click();
    await troll.getByRole('menuitem', { name: 'Mettre Troll Tremblay en sourdine sur Mastodon' }).click();
    await page.locator('.history', { hasText: 'Auteur mis en sourdine\u00a0: Troll Tremblay' }).waitFor();
    expect(await openMenu()).toEqual(['Retirer Troll Tremblay de la sourdine sur Mastodon', 'Bloquer Troll Tremblay sur Mastodon…', 'Signaler aux modérateurs de Mastodon…']);
    await page.keyboard.press('Escape');

    const ours = page.locator('.message', { hasText: 'écrivez-nous en privé' });
    await ours.getByRole('button', { name: 'Modérer ce message' }).click();
    expect(await ours.getByRole('menu').getByRole('menuitem').allTextContents()).toEqual(['Supprimer cette réponse sur Mastodon…']);
    await page.screenshot({ path: 'test-results/moderation-own-reply-fr.png' });
  });
});

describe('blocking for good, said before it is done', () => {
  it('by keyboard on YouTube (fr-CA): the question says YouTube rejects their comments from now on and that only YouTube Studio lifts the ban; Escape sends nothing', async () => {
    inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    receive(inbox, 'youtube', [{ id: 'e2e-spammer', author: 'Promo Tube', text: 'Abonnez-vous à ma chaîne!!!', minutesAhead: 7 }]);
    await page.locator('[role="option"]', { hasText: 'Promo Tube' }).click();
    await inbox.focusList();
    await inbox.press('m');
    const picker = page.getByRole('dialog', { name: 'Modérer sur YouTube' });
    const block = picker.getByRole('option', { name: 'Bloquer Promo Tube sur YouTube…' });
    await block.waitFor();
    for (let step = 0; step < 4 && (await block.getAttribute('aria-selected')) !== 'true'; step += 1) await inbox.press('ArrowDown');
    await inbox.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Bloquer Promo Tube sur YouTube?' });
    // YouTube's API bans with no way back: not the general "you can unblock them here later".
    await confirm.getByText('rejettera dorénavant tous ceux que cette personne écrira sur votre chaîne', { exact: false }).waitFor();
    await confirm.getByText('seul YouTube Studio le peut', { exact: false }).waitFor();
    expect(await confirm.getByText('débloquer ici', { exact: false }).count()).toBe(0);
    expect(await inbox.hasFocus(confirm.getByRole('button', { name: 'Annuler' }))).toBe(true);
    await page.screenshot({ path: 'test-results/moderation-block-youtube-fr.png' });
    await inbox.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(inbox.harness.core.context.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'moderation'").get()).toEqual({ n: 0 });
  });
});

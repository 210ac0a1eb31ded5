import { RichText, type AtpAgent } from '@atproto/api';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { personOn } from '../../electron/core/testing/blueskyTestKit';
import type { BlueskyAccount } from '../peers/blueskyAccounts';
import { syncBluesky } from '../peers/blueskyAccounts';
import { ENSURE_PEERS_TIMEOUT_MS, ensurePeers, type PeerServers } from '../peers/peers';
import { useInboxInChromium } from './inChromium';
import { connectBlueskyWithKeyboard, openAccounts, screenshot, switchLanguage } from './realAccountsPage';

/**
 * Bluesky end to end: the app in Chromium against the local PDS and AppView
 * (scripts/peers/), the account connected through its form, a fan's reply and mention in the
 * inbox, answered from the composer and moderated, each checked on the server.
 */
const chromium = useInboxInChromium();
let peers: PeerServers;
type Person = { account: BlueskyAccount; agent: AtpAgent };

beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

async function post(person: Person, text: string, reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } }) {
  const rich = new RichText({ text });
  await rich.detectFacets(person.agent);
  const { uri, cid } = await person.agent.post({ text: rich.text, facets: rich.facets, ...(reply ? { reply } : {}) });
  await syncBluesky(peers);
  return { uri, cid };
}

/** Waits until the AppView lists these posts among the brand's notifications: a sync reading earlier would miss them. */
async function untilNotified(brand: Person, uris: string[]): Promise<void> {
  await expect
    .poll(async () => {
      await syncBluesky(peers);
      const { data } = await brand.agent.listNotifications({ limit: 100 });
      return uris.every((uri) => data.notifications.some((notification) => notification.uri === uri));
    }, { timeout: 15_000 })
    .toBe(true);
}

/** The brand's replies under this post, as the fan's AppView shows them. */
async function brandRepliesUnder(fan: Person, uri: string, brand: Person): Promise<string[]> {
  await syncBluesky(peers);
  const { data } = await fan.agent.getPostThread({ uri, depth: 1 });
  const replies = 'replies' in data.thread ? (data.thread.replies ?? []) : [];
  return replies.flatMap((reply) => ('post' in reply && reply.post.author.did === brand.account.did ? [(reply.post.record as { text: string }).text] : []));
}

describe('a real Bluesky account in Chromium', () => {
  it('connects with the keyboard, brings a fan’s reply and mention, answers both once and moderates the fan, all seen on the server', async () => {
    const brand = await personOn(peers, 'brand');
    const fan = await personOn(peers, 'fan');
    const menu = await post(brand, 'Le menu d’automne est arrivé!');
    const comment = await post(fan, 'J’ai hâte de goûter la tarte aux pommes', { root: menu, parent: menu });
    const mention = await post(fan, `@${brand.account.handle} êtes-vous ouverts lundi?`);
    await untilNotified(brand, [comment.uri, mention.uri]);

    const inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    await openAccounts(page, 'en-CA');
    await connectBlueskyWithKeyboard(inbox, { handle: brand.account.handle, appPassword: brand.account.appPassword, server: peers.bluesky.pds });
    const row = page.getByRole('listitem', { name: brand.account.handle });
    await row.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'accounts-bluesky-connected-en-CA');

    // A mention written once the account is connected comes in with Sync now.
    const later = await post(fan, `@${brand.account.handle} et la soupe à l’oignon, elle revient quand?`);
    await untilNotified(brand, [later.uri]);
    await row.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => inbox.harness.core.context.db.prepare("SELECT 1 FROM messages WHERE text LIKE '%soupe à l’oignon%'").get() !== undefined, { timeout: 15_000 }).toBe(true);

    await page.getByRole('button', { name: 'Back to the inbox' }).click();
    const commentRow = page.locator('[role="option"]', { hasText: 'tarte aux pommes' });
    const mentionRow = page.locator('[role="option"]', { hasText: 'ouverts lundi' });
    await commentRow.waitFor();
    await mentionRow.waitFor();

    // The comment answered with the mouse.
    await commentRow.click();
    // Once answered, the row shows the brand's reply: it is found again by its conversation.
    const commentConversation = page.locator(`[id="conversation-${await inbox.selectedId()}"]`);
    await page.locator('#composer-text').fill('Merci! Elle sort du four à 11 h.');
    await page.locator('.composer').getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => brandRepliesUnder(fan, comment.uri, brand), { timeout: 15_000 }).toEqual(['Merci! Elle sort du four à 11 h.']);
    await page.locator('.message', { hasText: 'Elle sort du four' }).waitFor();
    await screenshot(page, 'conversation-bluesky-reply-sent-en-CA');

    // The mention answered with the keyboard.
    await mentionRow.click();
    await page.locator('#composer-text').focus();
    await page.keyboard.type('Oui, de 8 h à 16 h!');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => brandRepliesUnder(fan, mention.uri, brand), { timeout: 15_000 }).toEqual(['Oui, de 8 h à 16 h!']);

    // Moderation of the fan's comment: hidden in the thread's threadgate, muted, blocked and unblocked.
    await commentConversation.click();
    const message = page.locator('.message', { hasText: 'tarte aux pommes' });
    // The fan has no display name: the handle names them.
    const name = fan.account.handle;
    const act = async (name: string) => {
      await message.getByRole('button', { name: 'Moderate this message' }).click();
      await message.getByRole('menuitem', { name }).click();
    };
    // At the smallest window, the fan's menu is whole inside the conversation pane (it opened off its left edge).
    await page.setViewportSize({ width: 1000, height: 700 });
    await message.getByRole('button', { name: 'Moderate this message' }).click();
    expect(await isInsidePane(page, message.getByRole('menu'))).toBe(true);
    await screenshot(page, 'moderation-menu-bluesky-en-CA');
    await page.keyboard.press('Escape');

    await act('Hide on Bluesky');
    const rkey = menu.uri.split('/').pop() ?? '';
    const hiddenReplies = async () => {
      const gate = await brand.agent.com.atproto.repo.getRecord({ repo: brand.account.did, collection: 'app.bsky.feed.threadgate', rkey }).catch(() => null);
      return (gate?.data.value as { hiddenReplies?: string[] } | undefined)?.hiddenReplies ?? [];
    };
    await expect.poll(hiddenReplies, { timeout: 15_000 }).toEqual([comment.uri]);

    const mutes = async () => (await brand.agent.app.bsky.graph.getMutes({})).data.mutes.map((actor) => actor.did);
    const blocks = async () => (await brand.agent.app.bsky.graph.getBlocks({})).data.blocks.map((actor) => actor.did);
    await act(`Mute ${name} on Bluesky`);
    await expect.poll(mutes, { timeout: 15_000 }).toEqual([fan.account.did]);

    await act(`Block ${name} on Bluesky…`);
    await page.getByRole('dialog', { name: `Block ${name} on Bluesky?` }).getByRole('button', { name: 'Block', exact: true }).click();
    await expect.poll(blocks, { timeout: 15_000 }).toEqual([fan.account.did]);
    await act(`Unblock ${name} on Bluesky`);
    await expect.poll(blocks, { timeout: 15_000 }).toEqual([]);

    // The same conversation and menu in French.
    await switchLanguage(page, 'fr');
    await message.getByRole('button', { name: 'Modérer ce message' }).click();
    await message.getByRole('menuitem', { name: `Bloquer ${name} sur Bluesky…` }).waitFor();
    await page.setViewportSize({ width: 1000, height: 700 });
    expect(await isInsidePane(page, message.getByRole('menu'))).toBe(true);
    await screenshot(page, 'moderation-menu-bluesky-fr-CA');
  }, 90_000);
});

/** Whether the element is whole inside the conversation pane, left to right (nothing cut off by its edges). */
async function isInsidePane(page: Page, element: Locator): Promise<boolean> {
  const [box, pane] = await Promise.all([element.boundingBox(), page.locator('#conversation-pane').boundingBox()]);
  return box !== null && pane !== null && box.x >= pane.x && box.x + box.width <= pane.x + pane.width;
}

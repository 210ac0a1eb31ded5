import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreOptions } from '../../electron/core/core';
import { dismissWelcome } from '../../electron/core/accounts/accountsSettings';
import { startHarness, type Harness } from '../harness/startHarness';

/** A fresh Pieuvre (new data folder, demo workspace) in a fresh browser page, and what a person does with it. */
export class InboxPage {
  private constructor(
    readonly page: Page,
    /** Replaced when the core restarts (restartCore). */
    public harness: Harness,
    readonly dataDir: string,
    readonly pageErrors: string[],
  ) {}

  static async open(
    browser: Browser,
    rendererDir: string,
    locale = 'en-CA',
    options: {
      /** Leaves files in the new data folder before the core opens it (a database from an earlier run...). */
      prepareDataDir?: (dataDir: string) => void;
      beforeLoad?: (harness: Harness) => unknown;
      /** Runs on the page before it loads the app (routes to set up...). */
      preparePage?: (page: Page) => unknown;
      waitForInbox?: boolean;
      /** A person's very first start, with its welcome; otherwise one who answered it already. */
      isFirstStart?: boolean;
      core?: Omit<CoreOptions, 'dataDir'>;
      /** A connected team whose presence the test plays (harness.presence). */
      presence?: boolean;
    } = {},
  ): Promise<InboxPage> {
    const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-e2e-'));
    options.prepareDataDir?.(dataDir);
    const harness = await startHarness({ dataDir, rendererDir, core: options.core, presence: options.presence });
    // A database still being checked, or found damaged, takes no write: the welcome is the least of it.
    if (!options.isFirstStart && (await harness.core.health.whenWritable())) dismissWelcome(harness.core.context.db, Date.now());
    await options.beforeLoad?.(harness);
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await options.preparePage?.(page);
    await page.goto(harness.url);
    const inbox = new InboxPage(page, harness, dataDir, errors);
    if (options.waitForInbox ?? true) await inbox.options.first().waitFor();
    return inbox;
  }

  get list() {
    return this.page.getByRole('listbox', { name: /conversations/i });
  }

  get options() {
    return this.page.locator('[role="listbox"] [role="option"]');
  }

  get selected() {
    return this.page.locator('[role="listbox"] [role="option"][aria-selected="true"]');
  }

  /** Keys typed with focus on the list, as a person triaging would. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async focusList(): Promise<void> {
    await this.list.focus();
  }

  /** "I am off now" from the command palette, as a person would; waits for the off-shift screen (English UI). */
  async goOffDuty(): Promise<void> {
    await this.focusList();
    await this.press('Control+k');
    await this.page.keyboard.type('I am off now');
    await this.press('Enter');
    await this.page.getByRole('heading', { name: 'You are off duty' }).waitFor();
  }

  /** The Settings dialog from the sidebar, on one of its tabs (English UI). */
  async openSettings(tab: string) {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: tab }).click();
    return dialog;
  }

  /** Whether the keyboard is on this element: where focus lands after a dialog or a question closes. */
  async hasFocus(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === element.ownerDocument.activeElement);
  }

  async selectedId(): Promise<string> {
    const id = await this.selected.getAttribute('id');
    expect(id).toMatch(/^conversation-/);
    return (id ?? '').replace(/^conversation-/, '');
  }

  statusInCore(conversationId: string): string | undefined {
    const row = this.harness.core.context.db.prepare<[string], { status: string }>('SELECT status FROM conversations WHERE id = ?').get(conversationId);
    return row?.status;
  }

  /** A direct message arriving now on the demo Facebook account: the newest in the inbox. */
  receiveDm(id: string, author: { externalId: string; handle: string; name: string }, text: string): void {
    const facebook = this.harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get();
    this.harness.core.context.ingest({
      accountId: facebook?.id ?? '',
      source: 'e2e',
      items: [{ platform: 'facebook', kind: 'dm', externalId: id, threadExternalId: `${id}-thread`, author, text, createdAt: Date.now() + 60_000 }],
    });
  }

  /** A mention arriving now on the demo Mastodon account (whose authors can be blocked): the newest in the inbox. */
  receiveMention(id: string, author: { externalId: string; handle: string; name: string }, text: string): void {
    const mastodon = this.harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'mastodon'").get();
    this.harness.core.context.ingest({
      accountId: mastodon?.id ?? '',
      source: 'e2e',
      items: [{ platform: 'mastodon', kind: 'mention', externalId: id, threadExternalId: id, author, text, createdAt: Date.now() + 60_000 }],
    });
  }

  /** The customer writes again, now, in a conversation already in the inbox (whatever its kind): it becomes the newest. */
  writeAgain(conversationId: string, externalId: string, text: string): void {
    const thread = this.harness.core.context.db
      .prepare<[string], { accountId: string; platform: 'facebook'; kind: 'comment' | 'mention' | 'dm'; thread: string; author: string; handle: string; name: string; post: string | null; postText: string | null }>(
        `SELECT a.id AS accountId, a.platform, c.kind, c.thread_external_id AS thread, ct.external_id AS author, ct.handle, ct.name, p.external_id AS post, p.text AS postText
         FROM conversations c JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = c.contact_seq LEFT JOIN posts p ON p.seq = c.post_seq WHERE c.id = ?`,
      )
      .get(conversationId);
    if (!thread) throw new Error(`writeAgain: no conversation ${conversationId}`);
    const post = thread.post === null ? null : { externalId: thread.post, text: thread.postText ?? '' };
    this.harness.core.context.ingest({
      accountId: thread.accountId,
      source: 'e2e',
      items: [{
        platform: thread.platform, kind: thread.kind === 'comment' ? 'reply' : thread.kind, externalId, threadExternalId: thread.thread,
        parentExternalId: thread.kind === 'comment' ? thread.thread : null, post,
        author: { externalId: thread.author, handle: thread.handle, name: thread.name }, text, createdAt: Date.now(),
      }],
    });
  }

  /** A view of the sidebar, by its name (its count, if any, follows the name). */
  sidebarView(name: string) {
    return this.page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });
  }

  /** `a` on what the keyboard acts on: picks a person by typing the start of their name, then writes a note and presses Enter. */
  async assign(typed: string, note: string): Promise<void> {
    await this.press('a');
    const people = this.page.getByRole('dialog').getByRole('listbox');
    await people.waitFor();
    await this.page.keyboard.type(typed);
    await this.press('Tab');
    await this.page.keyboard.type(note);
    await this.press('Enter');
    await people.waitFor({ state: 'detached' });
  }

  /**
   * Quits and starts again on the same data folder, as closing and reopening the app does: the
   * page leaves first (what it keeps on leaving reaches the old core), then loads from a new core.
   */
  async restartCore(rendererDir: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.harness.close();
    this.harness = await startHarness({ dataDir: this.dataDir, rendererDir });
    await this.page.goto(this.harness.url);
    await this.options.first().waitFor();
  }

  async close(): Promise<void> {
    await this.page.context().close();
    await this.harness.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dismissWelcome } from '../../electron/core/accounts/accountsSettings';
import { DEMO_ACCOUNTS } from '../../electron/core/connectors/demo/demoBrand';
import { createCore } from '../../electron/core/core';
import { ensureAccount } from '../../electron/core/store/accounts';
import { launchBrowser } from '../e2e/browser';
import { buildRenderer } from '../harness/buildRenderer';
import { startHarness } from '../harness/startHarness';
import { benchBatches, percentile } from './benchItems';

/**
 * The UI in Chromium through the harness, on an inbox of `conversations` conversations:
 * first paint of the list after the core is ready, and triage keystrokes to the painted,
 * core-confirmed change.
 */
const conversations = Number(process.argv[2]);
const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-uibench-'));

// About five messages per conversation, as in the demo's bulk mode.
const seed = createCore({ dataDir });
const accounts = new Map(DEMO_ACCOUNTS.map((account) => [account.platform, ensureAccount(seed.context.db, { ...account, isDemo: true }, Date.now()).id]));
for (const { platform, items } of benchBatches(conversations * 5)) {
  seed.context.ingest({ accountId: accounts.get(platform) ?? '', items, source: 'bench' });
}
const stored = seed.context.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations').get()?.n ?? 0;
// Someone who lives in the inbox answered the first-start welcome long ago.
dismissWelcome(seed.context.db, Date.now());
seed.close();

const rendererDir = await buildRenderer();
const browser = await launchBrowser();
const harness = await startHarness({ dataDir, rendererDir, startDemo: false });
// On start the core checks the file's integrity in the background, then backs it up (none was
// taken yet): timings start once both are done, as before either existed (the check then ran
// before the core served anything). Both are timed by the pipeline bench (integrity_check_ms).
await harness.core.health.whenWritable();
while (harness.core.data?.isBusy) await new Promise((resolve) => setTimeout(resolve, 50));
const page = await (await browser.newContext({ locale: 'en-CA', viewport: { width: 1440, height: 900 } })).newPage();

const firstPaints: number[] = [];
for (let run = 0; run < 6; run++) {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(harness.url);
  await page.locator('[role="option"]').first().waitFor();
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  // The first load warms Chromium's caches for this origin; the app starts warm in Electron too.
  if (run > 0) firstPaints.push(performance.now() - started);
}

await page.locator('[role="listbox"]').focus();
const keys: number[] = [];
for (let press = 0; press < 60; press++) {
  const key = press % 2 === 0 ? 'u' : 'j';
  // Sent as source text: tsx would otherwise wrap these functions in a helper the page lacks.
  const ms = await page.evaluate<number>(`new Promise((resolve) => {
    const mark = 'pieuvre:triage-settled';
    const list = document.querySelector('[role="listbox"]');
    performance.clearMarks(mark);
    const started = performance.now();
    list.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));
    // u is settled once the core has answered; j never calls the core.
    const check = () => '${key}' === 'j' || performance.getEntriesByName(mark).length > 0
      ? requestAnimationFrame(() => resolve(performance.now() - started))
      : setTimeout(check, 0);
    check();
  })`);
  if (key === 'u') keys.push(ms);
}

await browser.close();
await harness.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ conversations: stored, firstPaintMs: percentile(firstPaints, 50), keyP95Ms: percentile(keys, 95) }));

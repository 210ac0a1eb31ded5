import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the end-to-end tests leave the pictures a person looks at (CI keeps test-results/). */
export const SCREENS_DIR = process.env.PIEUVRE_SCREENS_DIR ?? 'test-results';

/** The page as it is now, in `SCREENS_DIR/NAME.png` (NAME may hold a folder: `first-day/inbox`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENS_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}

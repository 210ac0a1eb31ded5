import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LOG_FILE, logFolderOf } from '../../electron/core/log/logFolder';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();

/** The core's log lines that came from the window. */
const reportedLines = (inbox: InboxPage): Record<string, unknown>[] =>
  readFileSync(join(logFolderOf(inbox.dataDir), LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.from === 'renderer');

describe('an error nobody handled, in Chromium', () => {
  it('shows a toast saying what went wrong, and reaches the core’s log without its token', async () => {
    const inbox = await chromium.open();
    await inbox.page.evaluate(() => {
      void Promise.reject(new Error('The e2e test broke this on purpose (access_token=e2e-secret)'));
    });
    await inbox.page.getByRole('alert').getByText('Something went wrong: The e2e test broke this on purpose (access_token=e2e-secret). It was noted in Pieuvre’s log. Try again, or reload if it happens again.').waitFor();
    mkdirSync('test-results', { recursive: true });
    await inbox.page.screenshot({ path: 'test-results/unhandled-error-toast.png' });
    await vi.waitFor(() => expect(reportedLines(inbox)).toHaveLength(1));
    const [line] = reportedLines(inbox);
    expect(line).toMatchObject({ level: 'error', source: 'unhandledrejection', err: expect.objectContaining({ message: 'The e2e test broke this on purpose (access_token=[redacted])' }) });
    expect(readFileSync(join(logFolderOf(inbox.dataDir), LOG_FILE), 'utf8')).not.toContain('e2e-secret');
    // Seen and handled here: the page raised it on purpose.
    inbox.pageErrors.splice(0);
  });

  it('speaks French to a French person, for an exception thrown in a timer too', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.evaluate(() => {
      setTimeout(() => {
        throw new Error('Une minuterie a planté');
      });
    });
    await inbox.page.getByRole('alert').getByText('Quelque chose n’a pas fonctionné\u00a0: Une minuterie a planté. C’est noté dans le journal de Pieuvre. Réessayez, ou rechargez si ça se reproduit.').waitFor();
    await vi.waitFor(() => expect(reportedLines(inbox)).toEqual([expect.objectContaining({ source: 'error', err: expect.objectContaining({ message: 'Une minuterie a planté' }) })]));
    inbox.pageErrors.splice(0);
  });
});

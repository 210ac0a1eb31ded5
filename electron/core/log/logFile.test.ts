import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, logFolderOf } from './logFolder';
import { openLogFile } from './logFile';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
const fresh = () => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-log-')));
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the log file', () => {
  it('is logs/pieuvre.log, JSON lines, without the bodies and tokens it was handed', async () => {
    const log = openLogFile(fresh());
    const body = 'Mon colis est arrivé brisé, je veux un remboursement';
    log.error('Sending a reply failed.', {
      conversationId: 'c-42',
      reply: { text: body },
      request: { url: 'https://graph.example/me?access_token=EAAB-secret-1', headers: { authorization: 'Bearer secret-2' } },
      err: new Error('401 for token=secret-3'),
    });
    log.warn(`Refused with Authorization: Bearer secret-4 while sending “${body.slice(0, 10)}”`, { body, accessToken: 'secret-5' });
    await log.close();

    const text = readFileSync(join(logFolderOf(dataDir), LOG_FILE), 'utf8');
    for (const secret of ['secret-1', 'secret-2', 'secret-3', 'secret-4', 'secret-5', body]) expect(text).not.toContain(secret);
    const [first, second] = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'error', msg: 'Sending a reply failed.', conversationId: 'c-42', err: { type: 'Error', message: '401 for token=[redacted]' } });
    expect(first?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(second).toMatchObject({ level: 'warn', body: '[redacted]', accessToken: '[redacted]' });
  });

  it('is readable by its owner only: folder 0700, files 0600', async () => {
    const log = openLogFile(fresh());
    log.info('Started.');
    await log.close();
    expect(modeOf(logFolderOf(dataDir)).toString(8)).toBe('700');
    expect(modeOf(join(logFolderOf(dataDir), LOG_FILE)).toString(8)).toBe('600');
  });

  it('rotates by size and keeps a bounded number of old files, each 0600', async () => {
    const log = openLogFile(fresh(), { maxSize: '2K', oldFiles: 2 });
    for (let n = 0; n < 200; n += 1) {
      log.info('A line long enough to fill a small log file quickly.', { n });
      // Rotation happens between writes: give it its turn now and then.
      if (n % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    const files = readdirSync(logFolderOf(dataDir)).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const file of files) expect(modeOf(join(logFolderOf(dataDir), file)).toString(8), file).toBe('600');
    // The newest lines are in the current file.
    expect(readFileSync(join(logFolderOf(dataDir), LOG_FILE), 'utf8')).toContain('"n":199');
  });
});

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLogFolder } from './openLogFolder';
import { SHELL_STRINGS } from './shellStrings';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-shell-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('openLogFolder', () => {
  it('opens the data folder’s logs/, made owner-only if the core never wrote there', async () => {
    const opened: string[] = [];
    const errors: string[] = [];
    await openLogFolder(dataDir, { openPath: async (path) => (opened.push(path), '') }, (title) => errors.push(title), SHELL_STRINGS.en);
    expect(opened).toEqual([join(dataDir, 'logs')]);
    expect(statSync(join(dataDir, 'logs')).mode & 0o777).toBe(0o700);
    expect(errors).toEqual([]);
  });

  it('tells the person, in their language, when the folder cannot be opened, and where it is', async () => {
    const errors: [string, string][] = [];
    await openLogFolder(dataDir, { openPath: async () => 'No application knows how to open it.' }, (title, message) => errors.push([title, message]), SHELL_STRINGS.fr);
    expect(errors).toEqual([['Le dossier du journal ne peut pas être ouvert', `No application knows how to open it.\n\nLe journal se trouve dans ${join(dataDir, 'logs')}.`]]);
  });

  it('reports a folder it cannot make instead of throwing', async () => {
    const errors: string[] = [];
    // A file where the data folder should be: nothing can be made inside it.
    const notAFolder = join(dataDir, 'pieuvre.db');
    writeFileSync(notAFolder, '');
    await openLogFolder(notAFolder, { openPath: async () => '' }, (title) => errors.push(title), SHELL_STRINGS.en);
    expect(errors).toEqual(['The log folder cannot be opened']);
  });
});

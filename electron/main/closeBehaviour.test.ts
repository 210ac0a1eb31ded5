import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAction, readShellSettings, SHELL_SETTINGS_FILE, writeShellSettings } from './closeBehaviour';

describe('closeAction', () => {
  it('hides the window to the tray on Windows and Linux, so sync and scheduled sends go on', () => {
    for (const platform of ['win32', 'linux']) {
      expect(closeAction({ platform, quitOnWindowClose: false, isQuitting: false }), platform).toBe('hideToTray');
    }
  });

  it('closes it when the person chose to quit on close, when a quit is under way, and on macOS', () => {
    expect(closeAction({ platform: 'linux', quitOnWindowClose: true, isQuitting: false })).toBe('close');
    expect(closeAction({ platform: 'win32', quitOnWindowClose: false, isQuitting: true })).toBe('close');
    expect(closeAction({ platform: 'darwin', quitOnWindowClose: false, isQuitting: false })).toBe('close');
  });
});

describe('shell settings file', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pieuvre-shell-'));
    file = join(folder, SHELL_SETTINGS_FILE);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps running by default: no file, a broken file or a wrong shape all read as "do not quit on close"', () => {
    expect(readShellSettings(file)).toEqual({ quitOnWindowClose: false });
    for (const content of ['{"quitOnWindowClose":', '{"quitOnWindowClose":"yes"}', '[]', 'null']) {
      writeFileSync(file, content);
      expect(readShellSettings(file), content).toEqual({ quitOnWindowClose: false });
    }
  });

  it('remembers the choice across restarts, leaving no temporary file behind', () => {
    writeShellSettings(file, { quitOnWindowClose: true });
    expect(readShellSettings(file)).toEqual({ quitOnWindowClose: true });
    writeShellSettings(file, { quitOnWindowClose: false });
    expect(readShellSettings(file)).toEqual({ quitOnWindowClose: false });
    expect(readdirSync(folder)).toEqual([SHELL_SETTINGS_FILE]);
  });
});

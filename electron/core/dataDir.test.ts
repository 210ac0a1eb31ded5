import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUserDataDir, resolveDataDir } from './dataDir';

describe('resolveDataDir', () => {
  it("uses Electron's userData folder by default", () => {
    expect(resolveDataDir({}, '/home/ana/.config/Pieuvre')).toBe('/home/ana/.config/Pieuvre');
    expect(resolveDataDir({ PIEUVRE_DATA_DIR: '   ' }, '/home/ana/.config/Pieuvre')).toBe('/home/ana/.config/Pieuvre');
  });

  it('lets PIEUVRE_DATA_DIR override it, absolute or relative to the working directory', () => {
    expect(resolveDataDir({ PIEUVRE_DATA_DIR: '/tmp/pieuvre-test' }, '/home/ana/.config/Pieuvre')).toBe('/tmp/pieuvre-test');
    expect(resolveDataDir({ PIEUVRE_DATA_DIR: 'profiles/two' }, '/x')).toBe(resolve('profiles/two'));
  });
});

describe('appUserDataDir', () => {
  it("finds Electron's userData folder on each system", () => {
    expect(appUserDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Pieuvre');
    expect(appUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Pieuvre');
    expect(appUserDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Pieuvre');
    expect(appUserDataDir({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toBe(join('C:/Users/ana/AppData/Roaming', 'Pieuvre'));
  });
});

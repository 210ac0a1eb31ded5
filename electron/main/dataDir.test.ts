import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './dataDir';

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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const projectDir = process.cwd();
const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  author?: { name?: string; email?: string };
  homepage?: string;
};

/** electron-builder.yml as electron-builder itself reads and validates it for `npm run dist`. */
const loadConfig = async () => {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
};

describe('packaging', () => {
  it('flips the Electron fuses that close the ways into a packaged app', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it("takes the .deb's maintainer and homepage from package.json, with no placeholder", async () => {
    const config = await loadConfig();
    // Unset here, electron-builder falls back to package.json's author and homepage.
    expect(config.linux?.maintainer).toBeUndefined();
    expect(config.extraMetadata?.homepage).toBeUndefined();
    expect(packageJson.author?.name).toBeTruthy();
    expect(packageJson.author?.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/);
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(JSON.stringify([config, packageJson.author, packageJson.homepage])).not.toMatch(/\.invalid\b/);
  });
});

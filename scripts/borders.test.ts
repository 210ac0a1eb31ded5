import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The border rules live in eslint.config.js; this proves they bite, so a config edit that
// silently disables them fails the tests.
const eslint = new ESLint({ cwd: process.cwd() });
const ruleIdsFor = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
};

describe('process borders', () => {
  it('keep shared/ free of electron, Node and DOM globals', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'shared/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'shared/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { join } from 'path';\nexport const j = join;\n", 'shared/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor('export const t = document.title;\n', 'shared/x.ts')).toContain('no-restricted-globals');
  });

  it('keep the renderer away from electron/ and Node', async () => {
    expect(await ruleIdsFor("import { createCore } from '../electron/core/core';\nexport const c = createCore;\n", 'renderer/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'renderer/x.ts')).toContain('no-restricted-imports');
  });

  it('keep the core free of electron and the shell', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'electron/core/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'electron/cli/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { x } from '../main/window';\nexport const y = x;\n", 'electron/core/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'electron/core/x.ts')).toEqual([]);
  });
});

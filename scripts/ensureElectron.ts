import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectron } from './electron/ensureElectron';

/**
 * `npm start`'s first step (`prestart`): makes sure Electron's binary is there before
 * electron-vite looks for it. Electron is resolved from the working directory, the project
 * folder when npm runs it.
 */
const electronDir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'));
const problem = await ensureElectron({ electronDir, env: process.env });
if (problem) {
  console.error(problem);
  process.exit(1);
}

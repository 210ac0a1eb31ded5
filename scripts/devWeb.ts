import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logFolderOf } from '../electron/core/log/logFolder';
import { installProcessGuards } from '../electron/core/log/processGuards';
import { buildRenderer } from './harness/buildRenderer';
import { startContractStandIns } from './harness/contractStandIns';
import { startHarness } from './harness/startHarness';

/**
 * `npm run dev:web`: Pieuvre in a browser, for machines where Electron cannot run. Data goes
 * to a fresh temporary folder (removed on exit) unless PIEUVRE_DATA_DIR names one to keep.
 */
const keptDir = process.env.PIEUVRE_DATA_DIR?.trim();
const dataDir = keptDir || mkdtempSync(join(tmpdir(), 'pieuvre-web-'));
const port = Number(process.env.PORT ?? 0);

// Before the core starts: it reads where the platforms are from the environment.
const standIns = process.env.PIEUVRE_CONTRACT_SERVERS === '1' ? await startContractStandIns() : null;
const rendererDir = await buildRenderer();
const harness = await startHarness({ dataDir, rendererDir, port });
// As in the app: a bug's unhandled rejection is logged, and the harness goes on serving.
installProcessGuards(harness.core.log, 'harness');
console.log(`Pieuvre is running at ${harness.url}`);
if (standIns) console.log(`Stand-ins for Facebook, Instagram, YouTube, X and Reddit are running. In each platform's setup, enter:\n  ${standIns.instructions.join('\n  ')}`);
console.log(`Data: ${dataDir}${keptDir ? '' : ' (temporary: removed when you stop)'}. Log: ${logFolderOf(dataDir)}. Stop with Ctrl+C.`);

const stop = async () => {
  try {
    await harness.close();
    await harness.core.log.close();
    await standIns?.close();
  } catch (error) {
    console.error('Pieuvre did not stop cleanly:', error);
  } finally {
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

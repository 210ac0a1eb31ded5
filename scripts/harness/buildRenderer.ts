import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config';

/** Builds the renderer the harness serves; returns the folder. */
export async function buildRenderer(): Promise<string> {
  await build({ ...rendererConfig, logLevel: 'warn', configFile: false });
  const outDir = rendererConfig.build?.outDir;
  if (!outDir) throw new Error('vite.renderer.config.ts sets no build.outDir.');
  return outDir;
}

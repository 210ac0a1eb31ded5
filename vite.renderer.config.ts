import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The renderer alone, as the browser harness serves it (electron.vite.config.ts reuses these options). */
export const rendererConfig = defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('./out/web', import.meta.url)), emptyOutDir: true, sourcemap: true },
});

export default rendererConfig;

import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The desktop app's build, into out/: main and the core's utilityProcess entry (Node, ESM), the
 * preload, and the renderer exactly as the browser harness builds it (vite.renderer.config.ts).
 */
export default defineConfig({
  main: {
    build: {
      // Everything is bundled but the native modules (better-sqlite3, the keyring binding), whose
      // binaries must stay real files on disk (unpacked from app.asar by electron-builder).
      externalizeDeps: false,
      rolldownOptions: {
        input: { main: path('electron/main/main.ts'), utilityEntry: path('electron/core/utilityEntry.ts') },
        external: ['better-sqlite3', /^@napi-rs\/keyring/],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is not a module: one CommonJS file that requires nothing but electron.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: path('electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: path('out/renderer'),
      sourcemap: false,
      minify: true,
      rolldownOptions: { input: path('renderer/index.html') },
    },
  },
});

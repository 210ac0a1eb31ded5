import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_VERSION_ARGUMENT } from '../preload/preloadContract';
import { MIN_WINDOW_SIZE, type WindowState } from './windowState';

/** The renderer's `--bg` (renderer/styles.css), so no white flash shows before the first paint. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#11161d' } as const;

/**
 * Every app window's options. The renderer shows text written by strangers on the internet, so
 * it gets no Node, its own JS world, Chromium's sandbox and web security; what it may do beyond
 * a web page is exactly the preload's small bridge. The window is shown once painted
 * (`ready-to-show`), maximised first when it was.
 */
export function windowOptions(input: {
  placement: WindowState;
  preloadPath: string;
  isDarkMode: boolean;
  appVersion: string;
}): BrowserWindowConstructorOptions {
  return {
    ...input.placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Pieuvre',
    show: false,
    backgroundColor: input.isDarkMode ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      additionalArguments: [`${APP_VERSION_ARGUMENT}${input.appVersion}`],
    },
  };
}

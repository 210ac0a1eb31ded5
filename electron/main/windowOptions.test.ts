import { describe, expect, it } from 'vitest';
import { APP_VERSION_ARGUMENT } from '../preload/preloadContract';
import { WINDOW_BACKGROUND, windowOptions } from './windowOptions';
import { MIN_WINDOW_SIZE } from './windowState';

const placement = { bounds: { x: 40, y: 60, width: 1200, height: 800 }, isMaximized: false };
const options = (isDarkMode = false) => windowOptions({ placement, preloadPath: '/app/out/preload/preload.cjs', isDarkMode, appVersion: '0.1.0' });

describe('windowOptions', () => {
  it('locks the renderer down: isolated, sandboxed, no Node anywhere, web security on', () => {
    expect(options().webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('spell-checks what the manager writes and tells the preload the app version', () => {
    expect(options().webPreferences?.spellcheck).toBe(true);
    expect(options().webPreferences?.additionalArguments).toEqual([`${APP_VERSION_ARGUMENT}0.1.0`]);
  });

  it('opens where the saved state says, no smaller than the minimum, hidden until painted', () => {
    expect(options()).toMatchObject({ x: 40, y: 60, width: 1200, height: 800, minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height, show: false });
  });

  it("paints the renderer's background for the OS theme", () => {
    expect(options(false).backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(options(true).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });
});

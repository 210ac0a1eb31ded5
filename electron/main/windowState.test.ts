import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_WINDOW_SIZE, placeWindow, readWindowState, rememberWindowState, writeWindowState, type Rect } from './windowState';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 }; // below the macOS menu bar
const MONITOR: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }; // to the right, set higher

describe('placeWindow', () => {
  it('opens centred on the primary display at a comfortable size the first time', () => {
    expect(placeWindow(null, [LAPTOP], LAPTOP)).toEqual({ bounds: { x: 80, y: 53, width: 1280, height: 820 }, isMaximized: false });
  });

  it('fits a small screen, but never below the minimum unless the screen itself is smaller', () => {
    const netbook: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    expect(placeWindow(null, [netbook], netbook).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 480 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 300, height: 200 }, isMaximized: false }, [tiny], tiny).bounds)
      .toEqual({ x: 0, y: 0, width: 800, height: 480 });
    expect(placeWindow({ bounds: { x: 10, y: 40, width: 300, height: 200 }, isMaximized: false }, [LAPTOP], LAPTOP).bounds)
      .toEqual({ x: 10, y: 40, ...MIN_WINDOW_SIZE });
  });

  it('reopens where it was, on whichever display that was', () => {
    const onMonitor = { bounds: { x: 2000, y: -100, width: 1600, height: 1000 }, isMaximized: true };
    expect(placeWindow(onMonitor, [LAPTOP, MONITOR], LAPTOP)).toEqual(onMonitor);
  });

  it('pulls a window hanging off the edge back onto the display it mostly covered', () => {
    const hanging = { bounds: { x: 3500, y: 900, width: 1000, height: 800 }, isMaximized: false };
    expect(placeWindow(hanging, [LAPTOP, MONITOR], LAPTOP).bounds).toEqual({ x: 3000, y: 400, width: 1000, height: 800 });
    const aboveTheMenuBar = { bounds: { x: 100, y: 0, width: 1000, height: 700 }, isMaximized: false };
    expect(placeWindow(aboveTheMenuBar, [LAPTOP], LAPTOP).bounds).toEqual({ x: 100, y: 25, width: 1000, height: 700 });
  });

  it('comes back to the primary display when its display is gone, keeping size and maximised state', () => {
    const onUnpluggedMonitor = { bounds: { x: 2000, y: -100, width: 1200, height: 800 }, isMaximized: true };
    expect(placeWindow(onUnpluggedMonitor, [LAPTOP], LAPTOP)).toEqual({ bounds: { x: 120, y: 63, width: 1200, height: 800 }, isMaximized: true });
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pieuvre-window-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, leaving no temporary file behind', () => {
    const file = join(dir, 'window-state.json');
    const state = { bounds: { x: -1200, y: 40, width: 1100, height: 700 }, isMaximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('ignores a missing, damaged or foreign file', () => {
    const file = join(dir, 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    for (const content of ['{"bounds":', '[]', 'null', '{"bounds":{"x":0,"y":0,"width":0,"height":10},"isMaximized":false}',
      '{"bounds":{"x":"0","y":0,"width":10,"height":10},"isMaximized":false}', '{"bounds":{"x":0,"y":0,"width":10,"height":10}}']) {
      writeFileSync(file, content);
      expect(readWindowState(file), content).toBeNull();
    }
  });

  it('saves the normal bounds and maximised state as the window closes', () => {
    const file = join(dir, 'window-state.json');
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    rememberWindowState(window, file);
    expect(readWindowState(file)).toBeNull();
    window.emit('close');
    expect(readWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: true });
  });

  it('lets the window close even when the state cannot be saved', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const window = Object.assign(new EventEmitter(), { getNormalBounds: () => ({ x: 0, y: 0, width: 900, height: 600 }), isMaximized: () => false });
    rememberWindowState(window, join(dir, 'no-such-folder', 'window-state.json'));
    expect(() => window.emit('close')).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

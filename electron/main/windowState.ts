import { readJsonFile, writeJsonFile } from './jsonFile';

export type Rect = { x: number; y: number; width: number; height: number };
/** `bounds` are the normal (unmaximised) bounds, so un-maximising after a restart lands somewhere sensible. */
export type WindowState = { bounds: Rect; isMaximized: boolean };

/** In Electron's userData folder, beside the database. */
export const WINDOW_STATE_FILE = 'window-state.json';
/** Below this the three panes (list, conversation, contact) stop being usable. */
export const MIN_WINDOW_SIZE = { width: 880, height: 560 } as const;
const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

const isRect = (value: unknown): value is Rect => {
  const rect = value as Partial<Record<keyof Rect, unknown>> | null;
  return (
    typeof rect === 'object' && rect !== null &&
    [rect.x, rect.y, rect.width, rect.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (rect.width as number) > 0 && (rect.height as number) > 0
  );
};

const isWindowState = (value: unknown): value is WindowState =>
  typeof value === 'object' && value !== null && isRect((value as WindowState).bounds) && typeof (value as WindowState).isMaximized === 'boolean';

/** The saved state, or null when there is none or it cannot be trusted (a bad file is just ignored). */
export function readWindowState(file: string): WindowState | null {
  const value = readJsonFile(file);
  return isWindowState(value) ? value : null;
}

export function writeWindowState(file: string, state: WindowState): void {
  writeJsonFile(file, { bounds: state.bounds, isMaximized: state.isMaximized });
}

const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Where the window opens: where it was, moved and shrunk as needed to sit entirely inside the
 * work area of the display it mostly overlapped; centred on the primary display when that display
 * is gone (a laptop off its dock) or on first run. Work areas exclude taskbars and docks.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const wanted = saved?.bounds;
  const home = wanted
    ? workAreas.map((area) => ({ area, overlap: overlapArea(area, wanted) })).filter(({ overlap }) => overlap > 0).sort((a, b) => b.overlap - a.overlap)[0]?.area
    : undefined;
  const area = home ?? primary;
  const width = clamp(wanted?.width ?? DEFAULT_SIZE.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(wanted?.height ?? DEFAULT_SIZE.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  const x = wanted && home ? clamp(wanted.x, area.x, area.x + area.width - width) : area.x + Math.round((area.width - width) / 2);
  const y = wanted && home ? clamp(wanted.y, area.y, area.y + area.height - height) : area.y + Math.round((area.height - height) / 2);
  return { bounds: { x, y, width, height }, isMaximized: saved?.isMaximized ?? false };
}

/** Saves the window's state as it closes; a failure to save must not stop the window closing. */
export function rememberWindowState(
  window: { on(event: 'close', listener: () => void): unknown; getNormalBounds(): Rect; isMaximized(): boolean },
  file: string,
): void {
  window.on('close', () => {
    try {
      writeWindowState(file, { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() });
    } catch (error) {
      console.error('Could not save the window state:', error);
    }
  });
}

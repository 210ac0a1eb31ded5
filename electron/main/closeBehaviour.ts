import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonFile';

/** In Electron's userData folder, beside the window state: the shell's own settings. */
export const SHELL_SETTINGS_FILE = 'shell-settings.json';

const shellSettingsSchema = z.object({ quitOnWindowClose: z.boolean() });
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

/** Off by default: a closed window must not stop sync and scheduled sends without the person knowing. */
const DEFAULT_SHELL_SETTINGS: ShellSettings = { quitOnWindowClose: false };

/** The saved settings, or the defaults when there are none or the file cannot be trusted. */
export function readShellSettings(file: string): ShellSettings {
  const parsed = shellSettingsSchema.safeParse(readJsonFile(file));
  return parsed.success ? parsed.data : DEFAULT_SHELL_SETTINGS;
}

export const writeShellSettings = (file: string, settings: ShellSettings): void => writeJsonFile(file, shellSettingsSchema.parse(settings));

/** Whether the platform keeps Pieuvre in the tray when its window closes (macOS keeps apps in the dock instead). */
export const keepsRunningInTray = (platform: string): boolean => platform !== 'darwin';

/**
 * What closing the window does. On Windows and Linux it hides to the tray, so the core keeps
 * syncing and sending what is scheduled, unless the person asked to quit on close. On macOS it
 * closes and Pieuvre stays in the dock, as apps do there. A quit already under way (the Quit
 * item, logging out) always lets the window close.
 */
export function closeAction(options: { platform: string; quitOnWindowClose: boolean; isQuitting: boolean }): 'close' | 'hideToTray' {
  if (options.isQuitting || options.quitOnWindowClose || !keepsRunningInTray(options.platform)) return 'close';
  return 'hideToTray';
}

import type { MenuItemConstructorOptions } from 'electron';
import { keepsRunningInTray } from './closeBehaviour';
import { SHELL_STRINGS, type ShellLocale } from './shellStrings';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Every item has an explicit label: roles are only translated by macOS
 * itself, and Linux and Windows would show English to a francophone. Developer tools only
 * outside a packaged build. Help opens the log folder, for bug reports.
 */
export function appMenuTemplate(options: {
  locale: ShellLocale;
  platform: string;
  isPackaged: boolean;
  actions: { openLogFolder(): void };
}): MenuItemConstructorOptions[] {
  const t = SHELL_STRINGS[options.locale];
  const isMac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: 'Pieuvre',
    submenu: [
      { role: 'about', label: t.about },
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      separator,
      { role: 'quit', label: t.quitApp },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    { label: t.file, submenu: [isMac ? { role: 'close', label: t.closeWindow } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        separator,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        ...(options.isPackaged ? [] : [{ role: 'toggleDevTools', label: t.devTools } satisfies MenuItemConstructorOptions]),
        separator,
        { role: 'resetZoom', label: t.actualSize },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        separator,
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.window,
      submenu: isMac
        ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, separator, { role: 'front', label: t.bringAllToFront }]
        : [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }],
    },
  ];
  const openLogFolder: MenuItemConstructorOptions = { label: t.openLogFolder, click: () => options.actions.openLogFolder() };
  // macOS puts "About" in the app menu; elsewhere it lives under Help.
  return isMac
    ? [appMenu, ...template, { label: t.help, submenu: [openLogFolder] }]
    : [...template, { label: t.help, submenu: [{ role: 'about', label: t.about }, separator, openLogFolder] }];
}

/**
 * The tray icon's menu: back to the window, or quit. Where closing the window keeps Pieuvre in
 * the tray (Windows, Linux), the menu says so and lets the person choose to quit on close instead.
 */
export function trayMenuTemplate(
  options: { locale: ShellLocale; platform: string; quitOnWindowClose: boolean },
  actions: { open(): void; quit(): void; setQuitOnWindowClose(isOn: boolean): void },
): MenuItemConstructorOptions[] {
  const t = SHELL_STRINGS[options.locale];
  const open: MenuItemConstructorOptions = { label: t.open, click: () => actions.open() };
  const quit: MenuItemConstructorOptions = { label: t.quitApp, click: () => actions.quit() };
  if (!keepsRunningInTray(options.platform)) return [open, separator, quit];
  return [
    ...(options.quitOnWindowClose ? [] : [{ label: t.keepsRunning, enabled: false }, separator]),
    open,
    separator,
    {
      label: t.quitOnWindowClose,
      type: 'checkbox',
      checked: options.quitOnWindowClose,
      click: (item) => actions.setQuitOnWindowClose(item.checked),
    },
    separator,
    quit,
  ];
}

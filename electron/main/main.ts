/// <reference types="electron-vite/node" />
// The composition root of the Electron shell: wiring only, every decision lives in a tested module.
import {
  app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, nativeImage, nativeTheme,
  Notification, protocol, screen, session, shell, Tray, utilityProcess,
} from 'electron';
import { join } from 'node:path';
import { createApiClient } from '../../shared/api/client';
import trayIconPath from '../../build/icon.png?asset';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './appProtocol';
import { contentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { resolveDataDir } from './dataDir';
import { openLogFolder } from './openLogFolder';
import { appMenuTemplate, trayMenuTemplate } from './menu';
import { createNotifier, newMessagesDecision, urgentDecision } from './notifications';
import { answerPortRequests, startCoreProcess } from './portHandover';
import { shellLocale, SHELL_STRINGS } from './shellStrings';
import { watchUnreadCount } from './unreadCount';
import { applyUrlPolicy } from './urlPolicy';
import { windowOptions } from './windowOptions';
import { placeWindow, readWindowState, rememberWindowState, WINDOW_STATE_FILE } from './windowState';

// Before `ready`: a PIEUVRE_DATA_DIR profile keeps everything (database, window state, Chromium's
// caches) in its folder, and gets its own single-instance lock, which is keyed on that folder.
const dataDir = resolveDataDir(process.env, app.getPath('userData'));
if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.whenReady().then(start).catch((error: unknown) => {
    // Half-started, the app would sit in the tray doing nothing: say why and quit.
    dialog.showErrorBox(SHELL_STRINGS[shellLocale(app.getLocale())].cannotStart, error instanceof Error ? error.message : String(error));
    app.quit();
  });
}

function start(): void {
  const locale = shellLocale(app.getLocale());
  const strings = SHELL_STRINGS[locale];
  const policy = contentSecurityPolicy('app');
  protocol.handle(APP_SCHEME, appProtocolHandler(join(import.meta.dirname, '../renderer'), policy));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, policy) }),
  );
  // Copy buttons need the sanitised clipboard; the page gets no camera, location, notifications...
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  const actions = { openLogFolder: () => void openLogFolder(dataDir, shell, (title, message) => dialog.showErrorBox(title, message), strings) };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ locale, platform: process.platform, isPackaged: app.isPackaged, actions })));

  const quitWith = (message: string) => {
    dialog.showErrorBox(strings.cannotStart, message);
    app.quit();
  };
  const core = startCoreProcess({ utilityProcess, MessageChannelMain }, {
    entryPath: join(import.meta.dirname, 'utilityEntry.js'),
    dataDir,
    env: process.env,
    onFatal: quitWith,
    onExit: (code) => quitWith(strings.coreStopped(code)),
  });
  app.on('will-quit', () => core.stop());
  answerPortRequests(ipcMain, core, APP_URL);

  const tray = new Tray(nativeImage.createFromPath(trayIconPath).resize({ width: 22, height: 22 }));
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(locale, { open: showWindow, quit: () => app.quit() })));
  tray.on('click', showWindow);
  const mainClient = createApiClient(core.connectMain());
  const notifier = createNotifier({
    Notification,
    setBadgeCount: (count) => app.setBadgeCount(count),
    tray,
    showsCountBesideIcon: process.platform === 'darwin',
    strings,
    onClick: (decision) => {
      showWindow();
      // `call` never rejects: a conversation gone meanwhile just is not shown.
      if (decision.conversationId) void mainClient.call('app.showConversation', { conversationId: decision.conversationId });
    },
  });
  watchUnreadCount(mainClient, notifier.setUnreadCount, (error) => console.error('Pieuvre: the unread count could not be shown:', error));
  // The core's notification gate decides; the shell only words and shows what it decided.
  mainClient.on('notification.newMessages', (notice) => notifier.notify(newMessagesDecision(notice, strings)));
  mainClient.on('notification.urgent', (notice) => {
    const decision = urgentDecision(notice, strings);
    if (decision) notifier.notify(decision);
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  createWindow();
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const placement = placeWindow(readWindowState(stateFile), displays, screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow(windowOptions({
    placement,
    preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
    isDarkMode: nativeTheme.shouldUseDarkColors,
    appVersion: app.getVersion(),
  }));
  applyUrlPolicy(window.webContents, { appUrl: APP_URL, openExternal: (url) => shell.openExternal(url) });
  rememberWindowState(window, stateFile);
  if (placement.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // A load that fails (the page aborted by a reload) leaves the window to its own error page.
  window.loadURL(APP_URL).catch((error: unknown) => console.error('Pieuvre: the window did not load:', error));
  return window;
}

/** The second instance, the dock, the tray and notifications all bring back the one window. */
function showWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    createWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

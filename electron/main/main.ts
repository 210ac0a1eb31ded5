/// <reference types="electron-vite/node" />
// The composition root of the Electron shell: wiring only, every decision lives in a tested module.
import {
  app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, nativeImage, nativeTheme,
  net, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, Tray, utilityProcess, type WebContents,
} from 'electron';
import { join } from 'node:path';
import { createApiClient } from '../../shared/api/client';
import trayIconPath from '../../build/icon.png?asset';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './appProtocol';
import { closeAction, readShellSettings, SHELL_SETTINGS_FILE, writeShellSettings } from './closeBehaviour';
import { answerBackupFileRequests } from './backupFileDialog';
import { contentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { resolveDataDir } from '../core/dataDir';
import { isOpenChosen, linkConfirmation } from './linkConfirmation';
import { openLogFolder } from './openLogFolder';
import { appMenuTemplate, trayMenuTemplate } from './menu';
import { createNotifier, newMessagesDecision, personNoticeDecision, urgentDecision } from './notifications';
import { isPermissionAllowed } from './permissions';
import { answerPortRequests, startCoreProcess } from './portHandover';
import { safeStorageKey } from './safeStorageKey';
import { shellLocale, SHELL_STRINGS } from './shellStrings';
import { watchUnreadCount } from './unreadCount';
import { applyUrlPolicy } from './urlPolicy';
import { watchSystemState } from './systemState';
import { windowOptions } from './windowOptions';
import { placeWindow, readWindowState, rememberWindowState, WINDOW_STATE_FILE } from './windowState';

// Before `ready`: a PIEUVRE_DATA_DIR profile keeps everything (database, window state, Chromium's
// caches) in its folder, and gets its own single-instance lock, which is keyed on that folder.
const dataDir = resolveDataDir(process.env, app.getPath('userData'));
if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const shellSettingsFile = join(dataDir, SHELL_SETTINGS_FILE);
let shellSettings = readShellSettings(shellSettingsFile);
/** Set once a quit is under way, so the window's close stops hiding it to the tray. */
let isQuitting = false;
const markQuitting = () => {
  isQuitting = true;
};

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
  // Electron grants every permission by default, to requests and to silent checks alike.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
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
    secretKey: safeStorageKey(safeStorage, dataDir),
    onFatal: quitWith,
    onExit: (code) => quitWith(strings.coreStopped(code)),
  });
  app.on('will-quit', () => core.stop());
  watchSystemState(powerMonitor, () => net.isOnline(), (state) => core.tellSystemState(state));
  answerPortRequests(ipcMain, core, APP_URL);
  answerBackupFileRequests<BrowserWindow, WebContents>(
    { ipcMain, showOpenDialog: (window, options) => dialog.showOpenDialog(window, options), windowOf: (sender) => BrowserWindow.fromWebContents(sender) },
    APP_URL,
    strings,
  );

  const tray = new Tray(nativeImage.createFromPath(trayIconPath).resize({ width: 22, height: 22 }));
  const refreshTrayMenu = () => tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(
    { locale, platform: process.platform, quitOnWindowClose: shellSettings.quitOnWindowClose },
    { open: showWindow, quit: () => app.quit(), setQuitOnWindowClose },
  )));
  const setQuitOnWindowClose = (isOn: boolean) => {
    shellSettings = { ...shellSettings, quitOnWindowClose: isOn };
    try {
      writeShellSettings(shellSettingsFile, shellSettings);
    } catch (error) {
      console.error('Could not save the shell settings:', error);
    }
    refreshTrayMenu();
  };
  refreshTrayMenu();
  tray.on('click', showWindow);
  const mainClient = createApiClient(core.connectMain());
  const notifier = createNotifier({
    Notification,
    setBadgeCount: (count) => app.setBadgeCount(count),
    tray,
    showsCountBesideIcon: process.platform === 'darwin',
    readsMarkup: process.platform === 'linux',
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
  mainClient.on('notification.personNotice', (notice) => notifier.notify(personNoticeDecision(notice, strings)));

  // Quitting from a menu or the system shutting down: the window closes for real.
  app.on('before-quit', markQuitting);
  powerMonitor.on('shutdown', markQuitting);
  // A window's Quit (the damaged-database screen) reaches the shell through the core.
  mainClient.on('app.quit', () => app.quit());
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
  const strings = SHELL_STRINGS[shellLocale(app.getLocale())];
  applyUrlPolicy(window.webContents, {
    appUrl: APP_URL,
    openExternal: (url) => shell.openExternal(url),
    confirm: async (url, risk) => isOpenChosen((await dialog.showMessageBox(window, linkConfirmation(url, risk, strings))).response),
  });
  rememberWindowState(window, stateFile);
  window.on('session-end', markQuitting); // Windows logging off or shutting down
  window.on('close', (event) => {
    if (closeAction({ platform: process.platform, quitOnWindowClose: shellSettings.quitOnWindowClose, isQuitting }) === 'close') return;
    event.preventDefault();
    window.hide();
  });
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

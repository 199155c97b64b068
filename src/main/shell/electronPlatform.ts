/** ShellPlatform implemented with the real `electron` module: thin on purpose, the logic lives in ./shell.ts. */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import { join } from 'node:path';
import { APP_SCHEME } from './appProtocol';
import type { NotificationContent, ShellPlatform, ShellTray, ShellWindow, TrayItem } from './platform';

/**
 * Must run before the app is ready. `standard` gives postino:// real origins and relative URLs, `secure` makes it
 * a secure context like https; no other privilege (no CORS, no service workers, no bypassing CSP).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function createElectronPlatform(): ShellPlatform {
  // The app path is the project in development and the asar archive when packaged: both hold the build in out/.
  const outDir = join(app.getAppPath(), 'out');
  return {
    os: process.platform,
    // Only meaningful once the app is ready, so read on use.
    get locale() {
      return app.getLocale();
    },
    paths: {
      rendererDir: join(outDir, 'renderer'),
      preload: join(outDir, 'preload', 'index.cjs'),
      trayIcon: trayIconPath(),
      unreadOverlayIcon: join(resourcesDir(), 'tray', 'overlay-unread.png'),
      userData: app.getPath('userData'),
    },
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => void app.on('second-instance', () => listener()),
    whenReady: () => app.whenReady(),
    onActivate: (listener) => void app.on('activate', () => listener()),
    onWindowAllClosed: (listener) => void app.on('window-all-closed', () => listener()),
    onBeforeQuit: (listener) => void app.on('before-quit', (event) => listener(event)),
    quit: () => app.quit(),
    setPermissionHandlers: ({ request, check }) => {
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(request(permission)));
      session.defaultSession.setPermissionCheckHandler((_contents, permission) => check(permission));
    },
    handleAppProtocol: (handler) => protocol.handle(APP_SCHEME, (request) => handler(request.url)),
    handleIpc: (channel, handler) =>
      ipcMain.handle(channel, (event, ...args: unknown[]) => handler(event.senderFrame?.url ?? null, args)),
    createWindow: (options) => wrapWindow(new BrowserWindow(options)),
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    createTray: (iconPath, tooltip) => wrapTray(new Tray(nativeImage.createFromPath(iconPath)), tooltip),
    setBadgeCount: (count) => void app.setBadgeCount(count),
    showNotification,
    onPowerEvent: (listener) => {
      powerMonitor.on('suspend', () => listener('suspend'));
      powerMonitor.on('resume', () => listener('resume'));
      powerMonitor.on('lock-screen', () => listener('lock-screen'));
      powerMonitor.on('unlock-screen', () => listener('unlock-screen'));
    },
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    isOnline: () => net.isOnline(),
    openExternal: (url) => shell.openExternal(url),
    warn: async (message, detail, checkboxLabel) => {
      const answer = await dialog.showMessageBox({ type: 'warning', message, detail, checkboxLabel, buttons: ['OK'] });
      return answer.checkboxChecked;
    },
  };
}

function wrapWindow(window: BrowserWindow): ShellWindow {
  const contents = window.webContents;
  return {
    load: (url) => window.loadURL(url),
    reveal: () => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    hide: () => window.hide(),
    isDestroyed: () => window.isDestroyed(),
    normalBounds: () => window.getNormalBounds(),
    send: (channel, payload) => contents.send(channel, payload),
    onClose: (listener) => void window.on('close', (event) => listener(event)),
    onClosed: (listener) => void window.on('closed', () => listener()),
    onMinimiseChange: (listener) => {
      window.on('minimize', () => listener(true));
      window.on('restore', () => listener(false));
    },
    onShowChange: (listener) => {
      window.on('show', () => listener(true));
      window.on('hide', () => listener(false));
    },
    onFocusChange: (listener) => {
      window.on('focus', () => listener(true));
      window.on('blur', () => listener(false));
    },
    setOverlayIcon: (iconPath, description) =>
      window.setOverlayIcon(iconPath === null ? null : nativeImage.createFromPath(iconPath), description),
    onWillNavigate: (listener) => void contents.on('will-navigate', (event) => listener(event, event.url)),
    onWillFrameNavigate: (listener) =>
      void contents.on('will-frame-navigate', (event) => listener(event, event.url, event.isMainFrame)),
    onWindowOpen: (handler) =>
      contents.setWindowOpenHandler(({ url }) => {
        handler(url);
        return { action: 'deny' };
      }),
  };
}

function wrapTray(tray: Tray, tooltip: string): ShellTray {
  tray.setToolTip(tooltip);
  return {
    setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map(toMenuItem))),
    onClick: (listener) => void tray.on('click', () => listener()),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (text) => tray.setTitle(text),
  };
}

/**
 * Notifications shown and not yet dismissed. Electron drops a click handler whose Notification object was garbage
 * collected, so each one is held here until it is clicked, closed or fails.
 */
const liveNotifications = new Set<Notification>();

function showNotification(content: NotificationContent, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  // Linux notification daemons show no app icon unless given one; Windows and macOS use the app's own.
  const icon = process.platform === 'linux' ? join(resourcesDir(), 'tray', 'tray-linux@2x.png') : undefined;
  const notification = new Notification({ title: content.title, body: content.body, icon });
  const release = () => void liveNotifications.delete(notification);
  notification.on('click', () => {
    release();
    onClick();
  });
  notification.on('close', release);
  notification.on('failed', release);
  liveNotifications.add(notification);
  notification.show();
}

function toMenuItem(item: TrayItem): MenuItemConstructorOptions {
  const { click } = item;
  return {
    label: item.label,
    type: item.type ?? 'normal',
    checked: item.checked,
    click: click ? (menuItem) => click(menuItem.checked) : undefined,
  };
}

/**
 * macOS wants a black "Template" image it tints for light and dark menu bars, Windows a 16 px icon, Linux panels
 * 24 px; each has an @2x file beside it for high-density screens, which Electron picks by itself.
 */
function trayIconPath(): string {
  const file = { darwin: 'trayTemplate.png', win32: 'tray-windows.png' }[process.platform as string] ?? 'tray-linux.png';
  return join(resourcesDir(), 'tray', file);
}

/** Packaged, the tray icons are extraResources (electron-builder.yml); in development, the repository's. */
function resourcesDir(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
}

/**
 * A stand-in for the Electron APIs the shell uses (its binary cannot run here), for src/main/shell/*.test.ts:
 * it records what the shell asks for and lets a test play the user, the OS and the app's events.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { vi } from 'vitest';
import type { Vault } from '../vault';
import type { NotificationContent, PowerEvent, Preventable, ShellPlatform, ShellTray, ShellWindow, TrayItem } from './platform';
import type { ShellPreferences } from './preferences';

export class StandInWindow implements ShellWindow {
  readonly sent: Array<[string, unknown]> = [];
  readonly loaded: string[] = [];
  visible = false;
  destroyed = false;
  closeListeners: Array<(event: Preventable) => void> = [];
  closedListeners: Array<() => void> = [];
  navigateListener?: (event: Preventable, url: string) => void;
  frameNavigateListener?: (event: Preventable, url: string, isMainFrame: boolean) => void;
  windowOpenHandler?: (url: string) => void;
  minimiseListener?: (minimised: boolean) => void;
  showListener?: (shown: boolean) => void;
  focusListener?: (focused: boolean) => void;
  /** The taskbar overlay as last set: its icon (null: none) and description. */
  overlay: { iconPath: string | null; description: string } | null = null;

  constructor(readonly options: BrowserWindowConstructorOptions) {}
  load = async (url: string) => void this.loaded.push(url);
  reveal = vi.fn(() => void (this.visible = true));
  hide = () => void (this.visible = false);
  isDestroyed = () => this.destroyed;
  normalBounds = (): Rectangle => ({ x: 10, y: 20, width: 900, height: 700 });
  send = (channel: string, payload: unknown) => void this.sent.push([channel, payload]);
  onClose = (listener: (event: Preventable) => void) => void this.closeListeners.push(listener);
  onClosed = (listener: () => void) => void this.closedListeners.push(listener);
  onWillNavigate = (listener: (event: Preventable, url: string) => void) => void (this.navigateListener = listener);
  onWillFrameNavigate = (listener: (event: Preventable, url: string, isMainFrame: boolean) => void) =>
    void (this.frameNavigateListener = listener);
  onWindowOpen = (handler: (url: string) => void) => void (this.windowOpenHandler = handler);
  onMinimiseChange = (listener: (minimised: boolean) => void) => void (this.minimiseListener = listener);
  onShowChange = (listener: (shown: boolean) => void) => void (this.showListener = listener);
  onFocusChange = (listener: (focused: boolean) => void) => void (this.focusListener = listener);
  setOverlayIcon = (iconPath: string | null, description: string) => void (this.overlay = { iconPath, description });

  /** What Electron does when the user closes the window: `close` (cancellable), then `closed`. */
  userCloses(): boolean {
    const event = preventable();
    this.closeListeners.forEach((listener) => listener(event));
    if (event.prevented) return false;
    this.destroyed = true;
    this.closedListeners.forEach((listener) => listener());
    return true;
  }
}

export function preventable(): Preventable & { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

export function createStandIn(options: { lockGranted?: boolean; os?: NodeJS.Platform } = {}) {
  const system = { idleSeconds: 0, online: true, powerListener: (_event: PowerEvent) => {} };
  const ipcHandlers = new Map<string, (senderUrl: string | null, args: unknown[]) => Promise<unknown>>();
  const windows: StandInWindow[] = [];
  const appListeners: Record<string, Array<(event: Preventable) => void>> = {};
  const on = (name: string) => (listener: (event: Preventable) => void) => void (appListeners[name] ??= []).push(listener);
  let trayMenu: TrayItem[] = [];
  const trayLabel = { toolTip: 'Postino', title: '' };
  let trayClick = () => {};
  /** Notifications shown, each with the click the user may make on it. */
  const notifications: Array<NotificationContent & { click: () => void }> = [];
  let permissionHandlers: { request: (permission: string) => boolean; check: (permission: string) => boolean } | null = null;
  const platform = {
    os: options.os ?? 'linux',
    locale: 'en-US',
    paths: { rendererDir: '/app/out/renderer', preload: '/app/out/preload/index.cjs', trayIcon: '/app/tray.png', unreadOverlayIcon: '/app/overlay-unread.png', userData: '/home/u/.config/Postino' },
    requestSingleInstanceLock: () => options.lockGranted ?? true,
    onSecondInstance: on('second-instance'),
    whenReady: async () => {},
    onActivate: on('activate'),
    onWindowAllClosed: on('window-all-closed'),
    onBeforeQuit: on('before-quit'),
    quit: vi.fn(),
    setPermissionHandlers: (handlers: typeof permissionHandlers) => void (permissionHandlers = handlers),
    handleAppProtocol: vi.fn(),
    handleIpc: (channel: string, handler: (senderUrl: string | null, args: unknown[]) => Promise<unknown>) => {
      ipcHandlers.set(channel, handler);
    },
    createWindow: (windowOptions: BrowserWindowConstructorOptions) => {
      const window = new StandInWindow(windowOptions);
      windows.push(window);
      return window;
    },
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    createTray: (): ShellTray => ({
      setMenu: (items) => void (trayMenu = items),
      onClick: (listener) => void (trayClick = listener),
      setToolTip: (text) => void (trayLabel.toolTip = text),
      setTitle: (text) => void (trayLabel.title = text),
    }),
    setBadgeCount: vi.fn((_count: number) => {}),
    showNotification: (content: NotificationContent, onClick: () => void) => void notifications.push({ ...content, click: onClick }),
    onPowerEvent: (listener: (event: PowerEvent) => void) => void (system.powerListener = listener),
    systemIdleSeconds: () => system.idleSeconds,
    isOnline: () => system.online,
    openExternal: vi.fn(async (_url: string) => {}),
    warn: vi.fn(async (_message: string, _detail: string, _checkboxLabel: string) => true),
  } satisfies ShellPlatform;
  const emit = (name: string, event: Preventable = preventable()) => appListeners[name]?.forEach((listener) => listener(event));
  return {
    platform,
    ipcHandlers,
    windows,
    emit,
    system,
    trayMenu: () => trayMenu,
    trayLabel,
    clickTray: () => trayClick(),
    notifications,
    permissions: () => permissionHandlers!,
  };
}

export function memoryPreferences(initial: { closeToTray?: boolean; bounds?: Rectangle | null } = {}): ShellPreferences & { bounds: Rectangle | null } {
  let closeToTray = initial.closeToTray ?? false;
  let dismissed = false;
  const preferences = {
    bounds: initial.bounds ?? null,
    windowBounds: () => preferences.bounds,
    saveWindowBounds: (bounds: Rectangle) => void (preferences.bounds = bounds),
    closeToTray: () => closeToTray,
    setCloseToTray: (enabled: boolean) => void (closeToTray = enabled),
    plainTextVaultWarningDismissed: () => dismissed,
    dismissPlainTextVaultWarning: () => void (dismissed = true),
  };
  return preferences;
}

export function testVault(secure: boolean): Vault {
  return { setSecret: async () => {}, getSecret: async () => null, deleteSecret: async () => {}, describe: () => ({ backend: 'test', secure }) };
}

/**
 * The Electron APIs the shell uses, as one small interface: the shell's logic (./shell.ts) is written against it
 * and unit-tested with a stand-in, and ./electronPlatform.ts implements it with the real `electron` module. The
 * option and geometry types are Electron's own, so both sides are checked against Electron's typings.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/** An event whose default action a listener may cancel (closing a window, navigating, quitting). */
export interface Preventable {
  preventDefault(): void;
}

export interface ShellWindow {
  load(url: string): Promise<void>;
  /** Shows, un-minimises and focuses the window. */
  reveal(): void;
  hide(): void;
  isDestroyed(): boolean;
  /** Position and size when neither maximised nor minimised: what is worth restoring next time. */
  normalBounds(): Rectangle;
  /** Sends a message to the page's preload. */
  send(channel: string, payload: unknown): void;
  onClose(listener: (event: Preventable) => void): void;
  onClosed(listener: () => void): void;
  /** The window was minimised (true) or restored from it (false). */
  onMinimiseChange(listener: (minimised: boolean) => void): void;
  /** The window was shown (true) or hidden (false): hiding is how it closes to the tray. */
  onShowChange(listener: (shown: boolean) => void): void;
  /** The window gained (true) or lost (false) the keyboard focus. */
  onFocusChange(listener: (focused: boolean) => void): void;
  /** Windows' taskbar overlay (Windows only): the icon, or null to clear it, and its text for screen readers. */
  setOverlayIcon(iconPath: string | null, description: string): void;
  onWillNavigate(listener: (event: Preventable, url: string) => void): void;
  /** Navigation in any frame, the reader's mail frame included. */
  onWillFrameNavigate(listener: (event: Preventable, url: string, isMainFrame: boolean) => void): void;
  /** `window.open` and `target=_blank`: the handler sees the address; the platform always denies the new window. */
  onWindowOpen(handler: (url: string) => void): void;
}

export interface TrayItem {
  label: string;
  type?: 'normal' | 'checkbox' | 'separator';
  checked?: boolean;
  click?: (checked: boolean) => void;
}

export interface ShellTray {
  setMenu(items: TrayItem[]): void;
  onClick(listener: () => void): void;
  setToolTip(text: string): void;
  /** Text beside the icon in the macOS menu bar; other platforms ignore it. */
  setTitle(text: string): void;
}

/** A desktop notification's words, already translated. */
export interface NotificationContent {
  title: string;
  body: string;
}

/** powerMonitor's events the scheduler follows. */
export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

export interface ShellPaths {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built preload (out/preload/index.cjs). */
  preload: string;
  trayIcon: string;
  /** The dot laid over the taskbar button on Windows while there is unread mail. */
  unreadOverlayIcon: string;
  /** Electron's per-user data directory: the cache, the vault and the shell's preferences. */
  userData: string;
}

export interface ShellPlatform {
  readonly os: NodeJS.Platform;
  /** The OS language ("it-IT"), for the few words the shell itself shows. */
  readonly locale: string;
  readonly paths: ShellPaths;
  /** False when another Postino already runs; it is told (second-instance) and this one must quit. */
  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  whenReady(): Promise<void>;
  onActivate(listener: () => void): void;
  onWindowAllClosed(listener: () => void): void;
  onBeforeQuit(listener: (event: Preventable) => void): void;
  quit(): void;
  /** Every page permission request (camera, notifications, geolocation, …) and permission check go here. */
  setPermissionHandlers(handlers: { request: (permission: string) => boolean; check: (permission: string) => boolean }): void;
  /** Serves the app's own scheme (see ./appProtocol.ts). */
  handleAppProtocol(handler: (url: string) => Promise<Response>): void;
  /** ipcMain.handle; the handler learns the URL of the frame that sent the request. */
  handleIpc(channel: string, handler: (senderUrl: string | null, args: unknown[]) => Promise<unknown>): void;
  createWindow(options: BrowserWindowConstructorOptions): ShellWindow;
  /** Work areas of the connected displays, to tell whether saved bounds are still on screen. */
  workAreas(): Rectangle[];
  createTray(iconPath: string, tooltip: string): ShellTray;
  /** The dock (macOS) or launcher (Linux Unity) badge; 0 clears it. */
  setBadgeCount(count: number): void;
  /** Shows a native notification; `onClick` runs when the user clicks it. */
  showNotification(content: NotificationContent, onClick: () => void): void;
  onPowerEvent(listener: (event: PowerEvent) => void): void;
  /** Seconds since the last keyboard or mouse input in any application (powerMonitor.getSystemIdleTime). */
  systemIdleSeconds(): number;
  /** Whether the OS reports a network connection (net.isOnline); the main process gets no event for changes. */
  isOnline(): boolean;
  /** Hands an address to the system (browser, mail composer). */
  openExternal(url: string): Promise<void>;
  /** A warning dialog with a "don't show again" box; resolves with whether the box was ticked. */
  warn(message: string, detail: string, checkboxLabel: string): Promise<boolean>;
}

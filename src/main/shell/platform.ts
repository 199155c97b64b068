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
}

export interface ShellPaths {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built preload (out/preload/index.cjs). */
  preload: string;
  trayIcon: string;
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
  /** Hands an address to the system (browser, mail composer). */
  openExternal(url: string): Promise<void>;
  /** A warning dialog with a "don't show again" box; resolves with whether the box was ticked. */
  warn(message: string, detail: string, checkboxLabel: string): Promise<boolean>;
}

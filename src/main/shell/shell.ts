/**
 * The desktop shell's logic, written against ShellPlatform so it runs under test without Electron: one instance,
 * one window, the core behind IPC, events forwarded to the page, and a clean close of the core on quit.
 */
import { channelsOf, EVENT_NAMES } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { createDispatcher, type Dispatch } from '../core/dispatch';
import type { Core } from '../core/types';
import type { Vault } from '../vault';
import { eventChannel } from '../../preload/eventChannel';
import { isAppUrl, serveAppRequest } from './appProtocol';
import { openMainWindow } from './mainWindow';
import type { ShellPlatform, ShellWindow } from './platform';
import type { ShellPreferences } from './preferences';
import { shellStrings } from './strings';
import { createAppTray } from './tray';
import { restorableBounds } from './windowBounds';

export interface ShellDeps {
  platform: ShellPlatform;
  preferences: ShellPreferences;
  /** The desktop vault (safeStorage), made once the app is ready, in Electron's userData directory. */
  createVault(dataDir: string): Promise<Vault>;
  /** The composition root's core, built on the same directory with that vault. */
  createCore(options: { dataDir: string; vault: Vault }): Promise<Core>;
}

export interface RunningShell {
  core: Core;
  /** The window, or null while it is closed (macOS keeps running without one). */
  window(): ShellWindow | null;
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: "Requests are answered for the app's own pages only" },
};

/** Resolves with the running shell, or null when another instance was running (it has been told to show itself). */
export async function startShell(deps: ShellDeps): Promise<RunningShell | null> {
  const { platform, preferences } = deps;
  if (!platform.requestSingleInstanceLock()) {
    platform.quit();
    return null;
  }
  let mainWindow: ShellWindow | null = null;
  let quitting = false;
  const createWindow = () => {
    const window = openMainWindow(platform, restorableBounds(preferences.windowBounds(), platform.workAreas()));
    window.onClose((event) => {
      preferences.saveWindowBounds(window.normalBounds());
      if (!quitting && preferences.closeToTray()) {
        event.preventDefault();
        window.hide();
      }
    });
    window.onClosed(() => {
      if (mainWindow === window) mainWindow = null;
    });
    return window;
  };
  const showWindow = () => {
    if (mainWindow && !mainWindow.isDestroyed()) return mainWindow.reveal();
    mainWindow = createWindow();
  };
  platform.onSecondInstance(showWindow);

  await platform.whenReady();
  platform.setPermissionHandlers({ request: () => false, check: () => false });
  platform.handleAppProtocol((url) => serveAppRequest(platform.paths.rendererDir, url));
  const dataDir = platform.paths.userData;
  const vault = await deps.createVault(dataDir);
  const core = await deps.createCore({ dataDir, vault });
  handleRequests(platform, createDispatcher(core.api));
  for (const event of EVENT_NAMES) {
    core.events.on(event, (payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.send(eventChannel(event), payload);
    });
  }

  let coreClosing: Promise<void> | null = null;
  let coreClosed = false;
  platform.onBeforeQuit((event) => {
    quitting = true;
    if (coreClosed) return;
    // Quit waits for the core: an open transaction or an IMAP session is closed, not cut.
    event.preventDefault();
    coreClosing ??= core
      .close()
      .catch((err: unknown) => console.error('Postino: the core did not close cleanly', err))
      .then(() => {
        coreClosed = true;
        platform.quit();
      });
  });
  platform.onWindowAllClosed(() => {
    if (platform.os !== 'darwin') platform.quit();
  });
  platform.onActivate(showWindow);

  createAppTray(platform, preferences, { showWindow, quit: () => platform.quit() });
  showWindow();
  // Linux without a keyring: say so, rather than pretend the passwords are protected.
  if (!vault.describe().secure && !preferences.plainTextVaultWarningDismissed()) void warnPlainTextVault(platform, preferences);
  return { core, window: () => mainWindow };
}

function handleRequests(platform: ShellPlatform, dispatch: Dispatch): void {
  for (const channel of channelsOf()) {
    // Only the app's own page may ask: not the mail frame, not a page that somehow got loaded instead.
    platform.handleIpc(channel, async (senderUrl, args) => (isAppUrl(senderUrl) ? dispatch(channel, args) : REFUSED));
  }
}

async function warnPlainTextVault(platform: ShellPlatform, preferences: ShellPreferences): Promise<void> {
  const words = shellStrings(platform.locale);
  if (await platform.warn(words.plainTextVault, words.plainTextVaultDetail, words.dontWarnAgain)) {
    preferences.dismissPlainTextVaultWarning();
  }
}

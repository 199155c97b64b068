/**
 * The desktop shell's logic, written against ShellPlatform so it runs under test without Electron: one instance,
 * one window, the core behind IPC, events forwarded to the page, system activity reported to the scheduler, the
 * tray, badge and notifications (./mailIndicators.ts), and a clean close of the core on quit.
 */
import { channelsOf, EVENT_NAMES } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { createDispatcher, type Dispatch } from '../core/dispatch';
import type { Core } from '../core/types';
import type { ActivityEvent } from '../scheduler/activity';
import type { Scheduler } from '../scheduler/scheduler';
import type { Vault } from '../vault';
import { eventChannel } from '../../preload/eventChannel';
import { isAppUrl, serveAppRequest } from './appProtocol';
import { startMailIndicators } from './mailIndicators';
import { createWindowKeeper } from './mainWindow';
import type { ShellPlatform, ShellWindow } from './platform';
import type { ShellPreferences } from './preferences';
import { shellStrings } from './strings';
import { reportSystemActivity } from './systemActivity';

export interface ShellDeps {
  platform: ShellPlatform;
  preferences: ShellPreferences;
  /** The desktop vault (safeStorage), made once the app is ready, in Electron's userData directory. */
  createVault(dataDir: string): Promise<Vault>;
  /** The composition root's core, built on the same directory with that vault. */
  createCore(options: { dataDir: string; vault: Vault }): Promise<ShellCore>;
}

/** What the shell uses of the core: the API and events for the page, the scheduler for system activity. */
export interface ShellCore extends Pick<Core, 'api' | 'events' | 'close'> {
  scheduler: Pick<Scheduler, 'dispatch'>;
}

export interface RunningShell {
  core: ShellCore;
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
  await platform.whenReady();
  platform.setPermissionHandlers({ request: () => false, check: () => false });
  platform.handleAppProtocol((url) => serveAppRequest(platform.paths.rendererDir, url));
  const dataDir = platform.paths.userData;
  const vault = await deps.createVault(dataDir);
  const core = await deps.createCore({ dataDir, vault });
  const report = (event: ActivityEvent) => core.scheduler.dispatch(event);

  let quitting = false;
  const windows = createWindowKeeper({
    platform,
    preferences,
    isQuitting: () => quitting,
    report,
  });
  handleRequests(platform, createDispatcher(core.api));
  for (const event of EVENT_NAMES) {
    core.events.on(event, (payload) => windows.current()?.send(eventChannel(event), payload));
  }
  const stopReporting = reportSystemActivity(platform, report);
  const indicators = startMailIndicators({ platform, preferences, core, windows, quit: () => platform.quit() });

  let coreClosing: Promise<void> | null = null;
  let coreClosed = false;
  platform.onBeforeQuit((event) => {
    quitting = true;
    if (coreClosed) return;
    // Quit waits for the core: an open transaction or an IMAP session is closed, not cut.
    event.preventDefault();
    stopReporting();
    indicators.stop();
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
  platform.onSecondInstance(() => windows.show());
  platform.onActivate(() => windows.show());

  windows.show();
  // Linux without a keyring: say so, rather than pretend the passwords are protected.
  if (!vault.describe().secure && !preferences.plainTextVaultWarningDismissed()) void warnPlainTextVault(platform, preferences);
  return { core, window: () => windows.current() };
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

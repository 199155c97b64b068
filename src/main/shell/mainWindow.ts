/**
 * The one app window: Electron's secure defaults spelt out (so a default changing between versions cannot
 * loosen them), and every way a page could leave the app closed off.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { ActivityEvent } from '../scheduler/activity';
import { APP_ENTRY_URL } from './appProtocol';
import { isExternallyOpenable } from './externalLinks';
import type { ShellPaths, ShellPlatform, ShellWindow } from './platform';
import type { ShellPreferences } from './preferences';
import { DEFAULT_SIZE, restorableBounds } from './windowBounds';

export function mainWindowOptions(paths: ShellPaths, bounds: Rectangle | null): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    title: 'Postino',
    // Shown once the page has loaded, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** The only documents a frame inside the app may hold: the reader's srcdoc frame and empty frames. */
const FRAME_DOCUMENTS = new Set(['about:srcdoc', 'about:blank']);

export function openMainWindow(platform: ShellPlatform, bounds: Rectangle | null): ShellWindow {
  const window = platform.createWindow(mainWindowOptions(platform.paths, bounds));

  // The app is one page: any navigation of it is a link clicked by mistake or a page trying to leave.
  window.onWillNavigate((event) => event.preventDefault());
  window.onWillFrameNavigate((event, url, isMainFrame) => {
    if (isMainFrame || !FRAME_DOCUMENTS.has(url)) event.preventDefault();
  });
  // No second window ever opens; links the user chose go to the system browser or mail composer.
  window.onWindowOpen((url) => {
    if (!isExternallyOpenable(url)) return;
    platform.openExternal(url).catch((err: unknown) => console.error('Postino: could not open a link', err));
  });

  window.load(APP_ENTRY_URL).then(
    () => window.reveal(),
    (err: unknown) => {
      console.error('Postino: the app page did not load', err);
      window.reveal();
    },
  );
  return window;
}

export interface WindowKeeper {
  /** Shows the window, creating it when there is none (first start, or macOS after it was closed). */
  show(): void;
  current(): ShellWindow | null;
}

/**
 * Keeps the one window: restores its saved place, saves it on close, hides instead of closing when the user
 * chose to keep Postino in the tray (unless the app is quitting), and reports what happens to it to the
 * scheduler. The window's own events are the truth here: the page's visibilitychange misses a window hidden to
 * the tray on some platforms, so in the desktop app the page reports keyboard and mouse input only.
 */
export function createWindowKeeper(options: {
  platform: ShellPlatform;
  preferences: ShellPreferences;
  isQuitting: () => boolean;
  report: (event: ActivityEvent) => void;
}): WindowKeeper {
  const { report } = options;
  const { platform, preferences } = options;
  let window: ShellWindow | null = null;

  const create = (): ShellWindow => {
    const created = openMainWindow(platform, restorableBounds(preferences.windowBounds(), platform.workAreas()));
    created.onClose((event) => {
      preferences.saveWindowBounds(created.normalBounds());
      if (!options.isQuitting() && preferences.closeToTray()) {
        event.preventDefault();
        created.hide();
      }
    });
    created.onClosed(() => {
      if (window === created) window = null;
      report({ type: 'window-hidden' });
    });
    created.onMinimiseChange((minimised) => report({ type: minimised ? 'window-minimised' : 'window-restored' }));
    created.onShowChange((shown) => report({ type: shown ? 'window-shown' : 'window-hidden' }));
    created.onFocusChange((focused) => report({ type: focused ? 'window-focused' : 'window-blurred' }));
    return created;
  };

  return {
    show() {
      if (window && !window.isDestroyed()) window.reveal();
      else window = create();
    },
    current: () => (window && !window.isDestroyed() ? window : null),
  };
}

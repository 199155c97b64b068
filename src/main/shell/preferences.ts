/**
 * The shell's own preferences — window geometry, tray behaviour, dismissed warnings — kept apart from the mail
 * settings, which live in the core's database and are the same in web mode.
 */
import Store from 'electron-store';
import type { Rectangle } from 'electron';

export interface ShellPreferences {
  windowBounds(): Rectangle | null;
  saveWindowBounds(bounds: Rectangle): void;
  /** Closing the window hides it and Postino keeps syncing from the tray. */
  closeToTray(): boolean;
  setCloseToTray(enabled: boolean): void;
  plainTextVaultWarningDismissed(): boolean;
  dismissPlainTextVaultWarning(): void;
}

interface StoredPreferences {
  windowBounds: Rectangle | null;
  closeToTray: boolean;
  plainTextVaultWarningDismissed: boolean;
}

/** Backed by electron-store: `shell.json` in Electron's userData directory, written atomically. */
export function createStorePreferences(): ShellPreferences {
  const store = new Store<StoredPreferences>({
    name: 'shell',
    // A file the user broke by hand resets to the defaults rather than stopping the app.
    clearInvalidConfig: true,
    defaults: { windowBounds: null, closeToTray: false, plainTextVaultWarningDismissed: false },
  });
  return {
    windowBounds: () => {
      const bounds = store.get('windowBounds');
      return isRectangle(bounds) ? bounds : null;
    },
    saveWindowBounds: (bounds) => store.set('windowBounds', bounds),
    closeToTray: () => store.get('closeToTray') === true,
    setCloseToTray: (enabled) => store.set('closeToTray', enabled),
    plainTextVaultWarningDismissed: () => store.get('plainTextVaultWarningDismissed') === true,
    dismissPlainTextVaultWarning: () => store.set('plainTextVaultWarningDismissed', true),
  };
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, width, height } = value as Record<string, unknown>;
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) && Number(width) > 0 && Number(height) > 0;
}

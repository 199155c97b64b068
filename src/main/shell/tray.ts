import type { ShellPreferences } from './preferences';
import type { ShellPlatform, ShellTray, TrayItem } from './platform';
import { shellStrings } from './strings';

export interface TrayActions {
  showWindow(): void;
  quit(): void;
}

/** The tray icon: a way back to the window when it is closed to the tray, the tray setting itself, and Quit. */
export function createAppTray(platform: ShellPlatform, preferences: ShellPreferences, actions: TrayActions): ShellTray {
  const words = shellStrings(platform.locale);
  const tray = platform.createTray(platform.paths.trayIcon, 'Postino');
  const menu = (): TrayItem[] => [
    { label: words.open, click: () => actions.showWindow() },
    {
      label: words.keepInTray,
      type: 'checkbox',
      checked: preferences.closeToTray(),
      click: (checked) => {
        preferences.setCloseToTray(checked);
        tray.setMenu(menu());
      },
    },
    { label: '', type: 'separator' },
    { label: words.quit, click: () => actions.quit() },
  ];
  tray.setMenu(menu());
  tray.onClick(() => actions.showWindow());
  return tray;
}

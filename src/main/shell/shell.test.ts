/**
 * The shell's logic against a stand-in for Electron (its binary cannot run here): what each test checks is what
 * the shell asks of Electron — the window's web preferences, the handlers it installs — and how it reacts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelsOf, EVENT_NAMES } from '../../shared/api';
import { DEFAULT_SETTINGS, type ChangeRecord } from '../../shared/types';
import { createTestCore } from '../web/testCore';
import { startShell, type ShellDeps } from './shell';
import { createStandIn, memoryPreferences, preventable, testVault } from './standInPlatform';
import { POLL_INTERVAL_MS } from './systemActivity';

const APP_PAGE = 'postino://app/index.html';

describe('the desktop shell', () => {
  let standIn: ReturnType<typeof createStandIn>;
  let core: ReturnType<typeof createTestCore>;
  let deps: ShellDeps;

  beforeEach(() => {
    standIn = createStandIn();
    core = createTestCore({ settings: { get: async () => DEFAULT_SETTINGS }, folders: { list: async () => [] } });
    deps = { platform: standIn.platform, preferences: memoryPreferences(), createVault: async () => testVault(true), createCore: async () => core };
  });

  const start = async (overrides: Partial<ShellDeps> = {}) => {
    const shell = await startShell({ ...deps, ...overrides });
    await Promise.resolve();
    return shell;
  };
  const mainWindow = () => standIn.windows[0]!;

  it('opens one window with isolated, sandboxed pages and no Node in them', async () => {
    await start();
    expect(standIn.windows).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(mainWindow().loaded).toEqual([APP_PAGE]);
    expect(mainWindow().visible).toBe(true);
  });

  it('builds the vault and the core on Electron’s userData directory and serves the app scheme', async () => {
    const vault = testVault(true);
    const createVault = vi.fn(async () => vault);
    const createCore = vi.fn(async () => core);
    await start({ createVault, createCore });
    expect(createVault).toHaveBeenCalledWith('/home/u/.config/Postino');
    expect(createCore).toHaveBeenCalledWith({ dataDir: '/home/u/.config/Postino', vault });
    expect(standIn.platform.handleAppProtocol).toHaveBeenCalledOnce();
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    standIn = createStandIn({ lockGranted: false });
    const createCore = vi.fn(async () => core);
    expect(await start({ platform: standIn.platform, createCore })).toBeNull();
    expect(standIn.platform.quit).toHaveBeenCalled();
    expect(standIn.windows).toHaveLength(0);
    expect(createCore).not.toHaveBeenCalled();
  });

  it('shows and focuses the running window when Postino is launched a second time', async () => {
    await start();
    mainWindow().hide();
    mainWindow().reveal.mockClear();
    standIn.emit('second-instance');
    expect(mainWindow().reveal).toHaveBeenCalledOnce();
    expect(standIn.windows).toHaveLength(1);
  });

  it('denies every navigation of the app page', async () => {
    await start();
    for (const url of ['https://example.com/', 'postino://app/other.html', 'file:///etc/passwd']) {
      const event = preventable();
      mainWindow().navigateListener!(event, url);
      expect(event.prevented, url).toBe(true);
    }
  });

  it('lets a frame hold only the reader’s srcdoc or a blank document', async () => {
    await start();
    const navigate = (url: string, isMainFrame: boolean) => {
      const event = preventable();
      mainWindow().frameNavigateListener!(event, url, isMainFrame);
      return event.prevented;
    };
    expect(navigate('about:srcdoc', false)).toBe(false);
    expect(navigate('about:blank', false)).toBe(false);
    expect(navigate('https://tracker.example/', false)).toBe(true);
    expect(navigate('about:srcdoc', true)).toBe(true);
  });

  it('opens no window; http, https and mailto links go to the system, nothing else does', async () => {
    await start();
    const open = mainWindow().windowOpenHandler!;
    for (const url of ['https://example.com/a?b=c', 'http://example.com/', 'mailto:anna@example.com']) open(url);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'postino://app/index.html', 'https://', 'smb://server/share']) open(url);

    expect(standIn.platform.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/a?b=c',
      'http://example.com/',
      'mailto:anna@example.com',
    ]);
    expect(standIn.windows).toHaveLength(1);
  });

  it('grants no permission to any page', async () => {
    await start();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(standIn.permissions().request(permission), permission).toBe(false);
      expect(standIn.permissions().check(permission), permission).toBe(false);
    }
  });

  it('answers every channel of the contract over IPC, for the app page only', async () => {
    await start();
    expect([...standIn.ipcHandlers.keys()].sort()).toEqual(channelsOf().sort());

    const getSettings = standIn.ipcHandlers.get('settings:get')!;
    expect(await getSettings(APP_PAGE, [])).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    for (const sender of ['about:srcdoc', 'https://attacker.example/', 'file:///tmp/x.html', null]) {
      expect(await getSettings(sender, []), String(sender)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('forwards every core event to the window on its own channel', async () => {
    await start();
    const change: ChangeRecord = { entity: 'message', kind: 'insert', ids: [1, 2] };
    core.events.emit('store:changed', change);
    expect(mainWindow().sent).toEqual([['event:store:changed', change]]);
    expect(EVENT_NAMES.every((event) => !channelsOf().includes(`event:${event}` as never))).toBe(true);
  });

  it('restores saved bounds that are on screen and drops bounds left on an unplugged monitor', async () => {
    await start({ preferences: memoryPreferences({ bounds: { x: 100, y: 80, width: 1000, height: 700 } }) });
    expect(mainWindow().options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });

    standIn = createStandIn();
    await start({ platform: standIn.platform, preferences: memoryPreferences({ bounds: { x: 3000, y: 80, width: 1000, height: 700 } }) });
    expect(mainWindow().options).toMatchObject({ width: 1280, height: 820 });
    expect(mainWindow().options.x).toBeUndefined();
  });

  it('saves the bounds and quits with the window when close-to-tray is off', async () => {
    const preferences = memoryPreferences();
    await start({ preferences });
    expect(mainWindow().userCloses()).toBe(true);
    expect(preferences.bounds).toEqual({ x: 10, y: 20, width: 900, height: 700 });
    standIn.emit('window-all-closed');
    expect(standIn.platform.quit).toHaveBeenCalled();
  });

  it('hides the window instead of closing it when close-to-tray is on, until the user quits', async () => {
    await start({ preferences: memoryPreferences({ closeToTray: true }) });
    expect(mainWindow().userCloses()).toBe(false);
    expect(mainWindow().visible).toBe(false);

    standIn.emit('before-quit');
    expect(mainWindow().userCloses()).toBe(true);
  });

  it('offers close-to-tray in the tray menu and remembers the choice', async () => {
    const preferences = memoryPreferences();
    await start({ preferences });
    const toggle = standIn.trayMenu().find((item) => item.type === 'checkbox')!;
    expect(toggle.checked).toBe(false);
    toggle.click!(true);
    expect(preferences.closeToTray()).toBe(true);
    expect(standIn.trayMenu().find((item) => item.type === 'checkbox')!.checked).toBe(true);
  });

  it('holds the quit until the core has closed', async () => {
    await start();
    const firstQuit = preventable();
    standIn.emit('before-quit', firstQuit);
    expect(firstQuit.prevented).toBe(true);
    await vi.waitFor(() => expect(core.closed()).toBe(true));
    await vi.waitFor(() => expect(standIn.platform.quit).toHaveBeenCalled());

    const secondQuit = preventable();
    standIn.emit('before-quit', secondQuit);
    expect(secondQuit.prevented).toBe(false);
  });

  it('reports sleep, wake and screen locks to the scheduler', async () => {
    await start();
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const) standIn.system.powerListener(event);
    expect(core.activity).toEqual([
      { type: 'system-suspend' },
      { type: 'system-resume' },
      { type: 'screen-locked' },
      { type: 'screen-unlocked' },
    ]);
  });

  it('reports minimising and restoring the window to the scheduler', async () => {
    await start();
    mainWindow().minimiseListener!(true);
    mainWindow().minimiseListener!(false);
    expect(core.activity).toEqual([{ type: 'window-minimised' }, { type: 'window-restored' }]);
  });

  it('reports the window shown, hidden to the tray, focused, blurred and closed to the scheduler', async () => {
    await start();
    const window = mainWindow();
    window.showListener!(true);
    window.focusListener!(true);
    window.focusListener!(false);
    window.showListener!(false);
    window.userCloses();
    expect(core.activity).toEqual([
      { type: 'window-shown' },
      { type: 'window-focused' },
      { type: 'window-blurred' },
      { type: 'window-hidden' },
      { type: 'window-hidden' },
    ]);
  });

  it('polls system idle time and reports the network going and coming back, until quit', async () => {
    vi.useFakeTimers();
    try {
      standIn.system.online = false;
      await start();
      expect(core.activity).toEqual([{ type: 'offline' }]);

      standIn.system.idleSeconds = 42;
      standIn.system.online = true;
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      expect(core.activity).toEqual([{ type: 'offline' }, { type: 'system-idle', idleSeconds: 42 }, { type: 'online' }]);

      standIn.emit('before-quit');
      const reported = core.activity.length;
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
      expect(core.activity).toHaveLength(reported);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing about the vault when the OS protects it', async () => {
    await start();
    await Promise.resolve();
    expect(standIn.platform.warn).not.toHaveBeenCalled();
  });

  it('tells the user when passwords can only be stored unencrypted, until told not to', async () => {
    const preferences = memoryPreferences();
    await start({ preferences, createVault: async () => testVault(false) });
    await vi.waitFor(() => expect(preferences.plainTextVaultWarningDismissed()).toBe(true));
    expect(standIn.platform.warn).toHaveBeenCalledWith(
      'Your passwords are stored without encryption',
      expect.stringContaining('keyring'),
      "Don't warn me again",
    );

    standIn = createStandIn();
    await start({ platform: standIn.platform, preferences, createVault: async () => testVault(false) });
    expect(standIn.platform.warn).not.toHaveBeenCalled();
  });
});

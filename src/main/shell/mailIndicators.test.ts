/**
 * The tray, badge and notifications of the desktop app against the stand-in for Electron: what the user sees in
 * the tray and the notifications, and what a click on them does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailNotification } from '../../shared/notifications';
import { DEFAULT_SETTINGS, type Folder, type FolderRole, type Settings } from '../../shared/types';
import { pauseUntil } from '../notify/newMail';
import { createTestCore } from '../web/testCore';
import { startShell } from './shell';
import { createStandIn, memoryPreferences, testVault } from './standInPlatform';
import { UNREAD_REFRESH_DELAY_MS } from './unreadCount';

const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();

function folder(id: number, role: FolderRole | null, unreadCount: number): Folder {
  return { id, accountId: 'a1', path: `F${id}`, name: `F${id}`, delimiter: '/', parentPath: null, role, totalCount: 50, unreadCount, lastSyncedAt: null };
}

const single: MailNotification = {
  accountId: 'a1',
  folderId: 7,
  messageIds: [42],
  title: { key: 'notify.newMessage.title', params: { sender: 'Anna Rossi' } },
  body: { key: 'notify.newMessage.body', params: { subject: 'Preventivo' } },
};

describe('the tray and notifications', () => {
  let standIn: ReturnType<typeof createStandIn>;
  let folders: Folder[];
  let settings: Settings;
  let core: ReturnType<typeof createTestCore>;
  const syncAccount = vi.fn(async () => {});

  beforeEach(() => {
    vi.useFakeTimers({ now: NOON });
    standIn = createStandIn();
    folders = [folder(1, 'inbox', 3), folder(2, 'junk', 9), folder(3, null, 4), folder(4, 'inbox', 2)];
    settings = { ...DEFAULT_SETTINGS };
    syncAccount.mockClear();
    core = createTestCore({
      folders: { list: async () => folders },
      settings: {
        get: async () => settings,
        update: async (patch) => {
          settings = { ...settings, ...patch };
          core.events.emit('store:changed', { entity: 'settings', kind: 'update', ids: Object.keys(patch) });
          return settings;
        },
      },
      sync: { syncAccount },
    });
  });
  afterEach(() => vi.useRealTimers());

  const start = async (platform = standIn.platform) => {
    await startShell({ platform, preferences: memoryPreferences(), createVault: async () => testVault(true), createCore: async () => core });
    await vi.advanceTimersByTimeAsync(0);
  };
  const menuLabels = () => standIn.trayMenu().map((item) => item.label).filter((label) => label !== '');
  const clickMenu = (label: string) => standIn.trayMenu().find((item) => item.label === label)!.click!(false);

  it('shows one notification per mail:notify, with sender and subject, and opens the message on click', async () => {
    await start();
    core.events.emit('mail:notify', single);
    expect(standIn.notifications).toEqual([{ title: 'Anna Rossi', body: 'Preventivo', click: expect.any(Function) }]);

    const window = standIn.windows[0]!;
    window.hide();
    window.reveal.mockClear();
    standIn.notifications[0]!.click();
    expect(window.reveal).toHaveBeenCalledOnce();
    expect(window.sent).toContainEqual(['event:ui:openMessage', { messageId: 42, folderId: 7 }]);
  });

  it('words a grouped notification in the OS language and opens the first new message of the folder', async () => {
    standIn = createStandIn();
    (standIn.platform as { locale: string }).locale = 'it-IT';
    await start();
    core.events.emit('mail:notify', {
      accountId: 'a1',
      folderId: 3,
      messageIds: [50, 51, 52, 53, 54],
      title: { key: 'notify.newMessages.inFolder', params: { count: 5, folder: 'Work', account: 'Studio' } },
      body: { key: 'notify.newMessages.senders', params: { senders: 'Anna, Bruno, Carla', others: 2 } },
    });
    expect(standIn.notifications).toHaveLength(1);
    expect(standIn.notifications[0]).toMatchObject({ title: '5 nuovi messaggi in Work', body: 'Da Anna, Bruno, Carla e altri 2' });
    standIn.notifications[0]!.click();
    expect(standIn.windows[0]!.sent).toContainEqual(['event:ui:openMessage', { messageId: 50, folderId: 3 }]);
  });

  it('badges the unread count of the Inbox folders only, and follows it after a burst of changes', async () => {
    await start();
    expect(standIn.trayLabel).toEqual({ toolTip: 'Postino — 5 unread messages', title: '5' });
    expect(standIn.platform.setBadgeCount).toHaveBeenLastCalledWith(5);

    folders = [folder(1, 'inbox', 0), folder(2, 'junk', 9), folder(4, 'inbox', 1)];
    for (let i = 0; i < 20; i++) core.events.emit('store:changed', { entity: 'folder', kind: 'update', ids: [1] });
    expect(standIn.platform.setBadgeCount).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UNREAD_REFRESH_DELAY_MS);
    expect(standIn.platform.setBadgeCount).toHaveBeenCalledTimes(2);
    expect(standIn.trayLabel).toEqual({ toolTip: 'Postino — 1 unread message', title: '1' });

    folders = [folder(1, 'inbox', 0)];
    core.events.emit('store:changed', { entity: 'account', kind: 'delete', ids: ['a2'] });
    await vi.advanceTimersByTimeAsync(UNREAD_REFRESH_DELAY_MS);
    expect(standIn.platform.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(standIn.trayLabel).toEqual({ toolTip: 'Postino', title: '' });
  });

  it('ignores changes that cannot move the count', async () => {
    await start();
    folders = [folder(1, 'inbox', 8)];
    core.events.emit('store:changed', { entity: 'outbox', kind: 'insert', ids: [1] });
    await vi.advanceTimersByTimeAsync(UNREAD_REFRESH_DELAY_MS);
    expect(standIn.platform.setBadgeCount).toHaveBeenCalledTimes(1);
  });

  it('lays the unread dot over the taskbar button on Windows, and clears it when all is read', async () => {
    standIn = createStandIn({ os: 'win32' });
    await start();
    expect(standIn.windows[0]!.overlay).toEqual({ iconPath: '/app/overlay-unread.png', description: 'Postino — 5 unread messages' });

    folders = [folder(1, 'inbox', 0)];
    core.events.emit('store:changed', { entity: 'message', kind: 'update', ids: [9] });
    await vi.advanceTimersByTimeAsync(UNREAD_REFRESH_DELAY_MS);
    expect(standIn.windows[0]!.overlay).toEqual({ iconPath: null, description: '' });
  });

  it('sets no overlay outside Windows', async () => {
    await start();
    expect(standIn.windows[0]!.overlay).toBeNull();
  });

  it('pauses notifications for an hour from the tray, offers to resume, and resumes', async () => {
    await start();
    expect(menuLabels()).toEqual([
      'Open Postino',
      'Sync now',
      'Pause notifications for 1 hour',
      'Pause notifications until tomorrow',
      'Keep running in the tray when the window is closed',
      'Quit Postino',
    ]);

    clickMenu('Pause notifications for 1 hour');
    await vi.advanceTimersByTimeAsync(0);
    expect(settings.notificationsPausedUntil).toBe(pauseUntil('one-hour', NOON));
    expect(menuLabels()).toContain('Resume notifications (paused until 1:00 PM)');
    expect(menuLabels()).not.toContain('Pause notifications for 1 hour');

    clickMenu('Resume notifications (paused until 1:00 PM)');
    await vi.advanceTimersByTimeAsync(0);
    expect(settings.notificationsPausedUntil).toBeNull();
    expect(menuLabels()).toContain('Pause notifications for 1 hour');
  });

  it('pauses until tomorrow morning, and offers pausing again once the pause has run out', async () => {
    await start();
    clickMenu('Pause notifications until tomorrow');
    await vi.advanceTimersByTimeAsync(0);
    const until = pauseUntil('until-tomorrow', NOON);
    expect(settings.notificationsPausedUntil).toBe(until);
    expect(menuLabels().some((label) => label.startsWith('Resume notifications (paused until Sat'))).toBe(true);

    await vi.advanceTimersByTimeAsync(until - NOON);
    expect(menuLabels()).toContain('Pause notifications until tomorrow');
  });

  it('shows a pause set before the start as such, and a pause already over as none', async () => {
    settings = { ...settings, notificationsPausedUntil: NOON + 30 * 60_000 };
    await start();
    expect(menuLabels()).toContain('Resume notifications (paused until 12:30 PM)');

    standIn = createStandIn();
    settings = { ...settings, notificationsPausedUntil: NOON - 1 };
    await start();
    expect(menuLabels()).toContain('Pause notifications for 1 hour');
  });

  it('syncs every account from the tray, and opens the window from the tray icon and its menu', async () => {
    await start();
    clickMenu('Sync now');
    expect(syncAccount).toHaveBeenCalledOnce();
    expect(syncAccount).toHaveBeenCalledWith();

    const window = standIn.windows[0]!;
    window.hide();
    standIn.clickTray();
    expect(window.visible).toBe(true);
    window.hide();
    clickMenu('Open Postino');
    expect(window.visible).toBe(true);
  });

  it('stops following the core once the app quits', async () => {
    await start();
    standIn.emit('before-quit');
    core.events.emit('mail:notify', single);
    core.events.emit('store:changed', { entity: 'folder', kind: 'update', ids: [1] });
    await vi.advanceTimersByTimeAsync(UNREAD_REFRESH_DELAY_MS);
    expect(standIn.notifications).toHaveLength(0);
    expect(standIn.platform.setBadgeCount).toHaveBeenCalledTimes(1);
  });
});

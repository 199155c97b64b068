import { afterEach, describe, expect, it, vi } from 'vitest';
import { notificationPermission, shouldOfferPrompt, showBrowserNotification } from './browserNotifications';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: FakeNotification[] = [];
  onclick: (() => void) | null = null;
  close = vi.fn();
  constructor(
    readonly title: string,
    readonly options: { body: string; tag: string },
  ) {
    FakeNotification.shown.push(this);
  }
}

describe('browser notifications', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeNotification.shown = [];
  });

  it('are unsupported where the page has no Notification API', () => {
    expect(notificationPermission()).toBe('unsupported');
  });

  it('show nothing until the user has allowed them', () => {
    vi.stubGlobal('Notification', FakeNotification);
    FakeNotification.permission = 'default';
    showBrowserNotification({ title: 'Anna', body: 'Hi', tag: 't' }, () => {});
    FakeNotification.permission = 'denied';
    showBrowserNotification({ title: 'Anna', body: 'Hi', tag: 't' }, () => {});
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('show title and body once allowed, and a click focuses the tab and opens the message', () => {
    const focus = vi.fn();
    vi.stubGlobal('Notification', FakeNotification);
    vi.stubGlobal('window', { focus });
    FakeNotification.permission = 'granted';
    const opened = vi.fn();
    showBrowserNotification({ title: 'Anna', body: 'Preventivo', tag: 'postino-a1-42' }, opened);

    expect(FakeNotification.shown).toHaveLength(1);
    const [shown] = FakeNotification.shown;
    expect([shown!.title, shown!.options]).toEqual(['Anna', { body: 'Preventivo', tag: 'postino-a1-42' }]);
    shown!.onclick!();
    expect(focus).toHaveBeenCalledOnce();
    expect(opened).toHaveBeenCalledOnce();
    expect(shown!.close).toHaveBeenCalled();
  });

  it('offer the prompt only while the browser has not asked and the user has not said not now', () => {
    expect(shouldOfferPrompt('default', false)).toBe(true);
    expect(shouldOfferPrompt('default', true)).toBe(false);
    for (const permission of ['granted', 'denied', 'unsupported'] as const) expect(shouldOfferPrompt(permission, false)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../shared/schedule';
import { PostinoError } from '../../shared/errors';
import { createHarness, HOUR, MINUTE, T0 } from './testHarness';

const SECOND = 1000;

function launched(options: Parameters<typeof createHarness>[0] = {}): ReturnType<typeof createHarness> {
  const h = createHarness(options);
  h.scheduler.dispatch({ type: 'window-shown' });
  h.scheduler.dispatch({ type: 'app-started' });
  return h;
}

/** A sync engine whose syncs finish when the test says so. */
function deferredEngine(): { runSync: () => Promise<void>; finishAll: () => void } {
  const pending: Array<() => void> = [];
  return {
    runSync: () => new Promise<void>((resolve) => pending.push(resolve)),
    finishAll: () => pending.splice(0).forEach((finish) => finish()),
  };
}

describe('scheduler: opening a mailbox and the sync button', () => {
  it('opening a folder twice within 30 seconds syncs it once; after 30 seconds, again', async () => {
    const h = launched();
    await h.until(3);
    h.scheduler.mailboxOpened('work', 7);
    await h.time.advance(10 * SECOND);
    h.scheduler.mailboxOpened('work', 7);
    await h.time.advance(21 * SECOND);
    h.scheduler.mailboxOpened('work', 7);
    const folderCalls = h.calls.filter((call) => 'folderId' in call.target);
    expect(folderCalls.map((call) => [Math.round(call.minute * 60), call.reason])).toEqual([
      [180, 'mailbox-opened'],
      [211, 'mailbox-opened'],
    ]);
  });

  it('opening a folder right after the whole account synced does not sync it again', async () => {
    const h = launched();
    await h.time.advance(20 * SECOND);
    h.scheduler.mailboxOpened('work', 7);
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]?.target).toEqual({ accountId: 'work' });
  });

  it('the sync button ignores the floor', async () => {
    const h = launched();
    await h.until(3);
    h.scheduler.mailboxOpened('work', 7);
    await h.time.advance(5 * SECOND);
    h.scheduler.syncButton({ accountId: 'work', folderId: 7 });
    h.scheduler.syncButton({ accountId: 'work' });
    expect(h.calls.slice(1).map((call) => [call.target, call.reason])).toEqual([
      [{ accountId: 'work', folderId: 7 }, 'mailbox-opened'],
      [{ accountId: 'work', folderId: 7 }, 'sync-button'],
      [{ accountId: 'work' }, 'sync-button'],
    ]);
  });

  it("the button's menu syncs every mailbox at once", async () => {
    const h = launched({ accounts: ['work', 'home', 'club'] });
    await h.until(2);
    h.scheduler.syncButton('all');
    expect(h.calls.slice(3).map((call) => [call.target.accountId, call.reason])).toEqual([
      ['work', 'sync-button'],
      ['home', 'sync-button'],
      ['club', 'sync-button'],
    ]);
  });

  it('a sync button press restarts the cadence from its completion', async () => {
    const h = launched();
    await h.until(4, { inputEvery: 1 });
    h.scheduler.syncButton({ accountId: 'work' });
    await h.until(15, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 4, 14]);
  });

  it('opening a folder while offline syncs nothing', async () => {
    const h = launched();
    h.scheduler.dispatch({ type: 'offline' });
    await h.until(5);
    h.scheduler.mailboxOpened('work', 7);
    expect(h.calls).toHaveLength(1);
  });

  it('a sync in flight is not started twice by the timer, the button or an opened folder', async () => {
    const engine = deferredEngine();
    const h = launched({ runSync: engine.runSync });
    await h.until(30, { inputEvery: 1 });
    h.scheduler.syncButton({ accountId: 'work' });
    h.scheduler.syncButton({ accountId: 'work', folderId: 7 });
    h.scheduler.mailboxOpened('work', 7);
    expect(h.scheduler.status('work')).toMatchObject({ syncing: true, nextSyncAt: null });
    expect(h.syncMinutes()).toEqual([0]);

    engine.finishAll();
    await h.until(41, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 40]);
    expect(h.minuteOf(h.scheduler.status('work').lastSyncedAt)).toBe(30);
  });

  it('a folder sync in flight is not started twice', async () => {
    const engine = deferredEngine();
    const h = launched({ runSync: engine.runSync });
    engine.finishAll();
    await h.until(2);
    h.scheduler.mailboxOpened('work', 7);
    await h.time.advance(40 * SECOND);
    h.scheduler.mailboxOpened('work', 7);
    h.scheduler.syncButton({ accountId: 'work', folderId: 7 });
    expect(h.calls.filter((call) => 'folderId' in call.target)).toHaveLength(1);
    expect(h.scheduler.status('work').syncing).toBe(true);
  });
});

describe('scheduler: status for the UI', () => {
  it('says when the next sync is and why, in every situation', async () => {
    const h = launched();
    await h.until(2);
    const at = (): ReturnType<typeof describeSchedule> => describeSchedule(h.scheduler.status('work'), h.time.now());
    expect(at()).toEqual({ key: 'schedule.next.active', params: { at: T0 + 10 * MINUTE, inMinutes: 8 } });

    h.scheduler.dispatch({ type: 'window-minimised' });
    expect(at()).toEqual({
      key: 'schedule.next.background-option-off',
      params: { at: T0 + 24 * HOUR, inMinutes: 24 * 60 - 2, cause: 'window-minimised' },
    });

    h.scheduler.dispatch({ type: 'option-changed', patch: { assignKnownClients: true } });
    expect(at()).toMatchObject({ key: 'schedule.next.background-option-on', params: { inMinutes: 8 } });

    h.scheduler.dispatch({ type: 'offline' });
    expect(at()).toEqual({ key: 'schedule.paused.offline', params: {} });
    h.scheduler.dispatch({ type: 'online' });

    h.scheduler.dispatch({ type: 'system-suspend' });
    expect(at()).toEqual({ key: 'schedule.paused.suspended', params: {} });
  });

  it('says "syncing" while a sync runs and "retry" after a failure', async () => {
    let fail = false;
    const engine = deferredEngine();
    const h = launched({ runSync: () => (fail ? Promise.reject(new Error('down')) : engine.runSync()) });
    const text = (): string => describeSchedule(h.scheduler.status('work'), h.time.now()).key;
    expect(text()).toBe('schedule.syncing');
    fail = true;
    engine.finishAll();
    await h.until(10, { inputEvery: 1 });
    expect(text()).toBe('schedule.retry');
    expect(h.scheduler.status('work').failedAttempts).toBe(1);
  });

  it('reports a status change once, not on every event', async () => {
    const h = launched();
    const before = h.changes.length;
    h.scheduler.dispatch({ type: 'user-input' });
    h.scheduler.dispatch({ type: 'window-blurred' });
    expect(h.changes).toHaveLength(before);
    h.scheduler.dispatch({ type: 'window-hidden' });
    expect(h.changes).toHaveLength(before + 1);
  });

  it('holds IDLE connections only with instant new mail on and while syncs may run', () => {
    const off = launched();
    expect(off.scheduler.status('work').holdIdleConnection).toBe(false);

    const on = launched({ settings: { instantNewMail: true } });
    expect(on.scheduler.status('work').holdIdleConnection).toBe(true);
    on.scheduler.dispatch({ type: 'window-hidden' });
    expect(on.scheduler.status('work').holdIdleConnection).toBe(true);
    on.scheduler.dispatch({ type: 'system-suspend' });
    expect(on.scheduler.status('work').holdIdleConnection).toBe(false);
    on.scheduler.dispatch({ type: 'system-resume' });
    on.scheduler.dispatch({ type: 'offline' });
    expect(on.scheduler.status('work').holdIdleConnection).toBe(false);
  });
});

describe('scheduler: accounts, bad input and stopping', () => {
  it('an added account syncs at once; a removed one is unknown', async () => {
    const h = launched();
    h.accounts.push('new');
    h.scheduler.accountsChanged();
    expect(h.calls.at(-1)).toMatchObject({ target: { accountId: 'new' } });
    h.accounts.splice(0, 1);
    expect(() => h.scheduler.status('work')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(h.scheduler.statuses().map((status) => status.accountId)).toEqual(['new']);
  });

  it('refuses a bad idle count or interval with invalid-input and keeps the schedule', () => {
    const h = launched();
    const before = h.scheduler.status('work');
    expect(() => h.scheduler.dispatch({ type: 'system-idle', idleSeconds: Number.NaN })).toThrow(PostinoError);
    expect(() =>
      h.scheduler.dispatch({ type: 'option-changed', patch: { syncIntervals: { activeMs: 0 } } }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input', details: { field: 'syncIntervals.activeMs' } }));
    expect(h.scheduler.status('work')).toEqual(before);
  });

  it('an interval longer than setTimeout can hold is armed in pieces, never as an immediate timer', async () => {
    const h = createHarness({ settings: { syncIntervals: { backgroundAssignOffMs: 40 * 24 * HOUR } } });
    h.scheduler.dispatch({ type: 'app-started' });
    await h.until(0);
    expect(h.time.pendingDelays()).toEqual([2 ** 31 - 1]);
    await h.until(30 * 24 * 60);
    expect(h.syncMinutes()).toEqual([0]);
  });

  it('a stopped scheduler starts nothing more', async () => {
    const h = launched({ settings: { assignKnownClients: true } });
    h.scheduler.stop();
    await h.until(60);
    expect(h.syncMinutes()).toEqual([0]);
    expect(h.time.pendingDelays()).toEqual([]);
  });
});

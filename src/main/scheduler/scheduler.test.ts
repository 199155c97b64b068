import { describe, expect, it } from 'vitest';
import { createHarness, HOUR, MINUTE, T0 } from './testHarness';

/** The shell's order at launch: the window appears, then the app reports it has started. */
function launchVisible(h: ReturnType<typeof createHarness>): void {
  h.scheduler.dispatch({ type: 'window-shown' });
  h.scheduler.dispatch({ type: 'app-started' });
}

describe('scheduler: the cadence follows the window and the user', () => {
  it('syncs every mailbox every 10 minutes while the window is visible and the user active', async () => {
    const h = createHarness({ accounts: ['work', 'home'] });
    launchVisible(h);
    const timersSeen: number[] = [];
    for (let minute = 1; minute <= 60; minute++) {
      await h.until(minute, { inputEvery: 1 });
      timersSeen.push(h.time.pendingDelays().length);
    }
    const workMinutes = h.calls.filter((call) => call.target.accountId === 'work').map((call) => call.minute);
    expect(workMinutes).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(h.calls.filter((call) => call.target.accountId === 'home')).toHaveLength(7);
    expect(h.calls.map((call) => call.reason)).toEqual(['app-started', 'app-started', ...Array(12).fill('active-cadence')]);
    expect(Math.max(...timersSeen)).toBe(1);
  });

  it('minimised at minute 3 and restored at minute 25 with the option off: 0, 25, 35, 45', async () => {
    const h = createHarness();
    launchVisible(h);
    await h.until(3, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'window-minimised' });
    await h.until(25);
    h.scheduler.dispatch({ type: 'window-restored' });
    await h.until(50, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 25, 35, 45]);
    expect(h.calls.map((call) => call.reason)).toEqual(['app-started', 'active-cadence', 'active-cadence', 'active-cadence']);
  });

  it('minimised at minute 3 and restored at minute 25 with the option on: every 10 minutes throughout', async () => {
    const h = createHarness({ settings: { assignKnownClients: true } });
    launchVisible(h);
    await h.until(3, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'window-minimised' });
    await h.until(25);
    h.scheduler.dispatch({ type: 'window-restored' });
    await h.until(50, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 10, 20, 30, 40, 50]);
    expect(h.calls.map((call) => call.reason)).toEqual([
      'app-started',
      'background-cadence',
      'background-cadence',
      'active-cadence',
      'active-cadence',
      'active-cadence',
    ]);
  });

  it('switching the option on while minimised brings the 10-minute cadence, switching it off the 24-hour one', async () => {
    const h = createHarness();
    launchVisible(h);
    await h.until(3);
    h.scheduler.dispatch({ type: 'window-minimised' });
    await h.until(30);
    expect(h.syncMinutes()).toEqual([0]);

    h.scheduler.dispatch({ type: 'option-changed', patch: { assignKnownClients: true } });
    await h.until(55);
    expect(h.syncMinutes()).toEqual([0, 30, 40, 50]);

    h.scheduler.dispatch({ type: 'option-changed', patch: { assignKnownClients: false } });
    const status = h.scheduler.status('work');
    expect(status.reason).toBe('background-option-off');
    expect(h.minuteOf(status.nextSyncAt)).toBe(50 + 24 * 60);
    await h.until(50 + 24 * 60 + 30);
    expect(h.syncMinutes()).toEqual([0, 30, 40, 50, 50 + 24 * 60]);
  });

  it('a visible window with no input for 5 minutes falls back to the background cadence, and input brings it back', async () => {
    const h = createHarness();
    launchVisible(h);
    await h.until(4);
    expect(h.scheduler.status('work').reason).toBe('active');
    await h.until(5);
    expect(h.changes.at(-1)).toMatchObject({
      minute: 5,
      status: { reason: 'background-option-off', backgroundCause: 'user-inactive', nextSyncAt: T0 + 24 * HOUR },
    });
    await h.until(30);
    expect(h.syncMinutes()).toEqual([0]);
    h.scheduler.dispatch({ type: 'user-input' });
    expect(h.calls.at(-1)).toEqual({ minute: 30, target: { accountId: 'work' }, reason: 'active-cadence' });
  });

  it('the OS idle count keeps the user active while the input goes to another application', async () => {
    const h = createHarness();
    launchVisible(h);
    for (let minute = 1; minute <= 20; minute++) {
      await h.until(minute);
      h.scheduler.dispatch({ type: 'system-idle', idleSeconds: 20 });
    }
    expect(h.syncMinutes()).toEqual([0, 10, 20]);
  });

  it('a window hidden in the tray syncs every 10 minutes with the option on', async () => {
    const h = createHarness({ settings: { assignKnownClients: true } });
    h.scheduler.dispatch({ type: 'app-started' });
    await h.until(35);
    expect(h.syncMinutes()).toEqual([0, 10, 20, 30]);
    expect(h.scheduler.status('work')).toMatchObject({ reason: 'background-option-on', backgroundCause: 'window-hidden' });
  });

  it('a locked screen is background even with the window visible', async () => {
    const h = createHarness();
    launchVisible(h);
    h.scheduler.dispatch({ type: 'screen-locked' });
    expect(h.scheduler.status('work')).toMatchObject({ reason: 'background-option-off', backgroundCause: 'screen-locked' });
    h.scheduler.dispatch({ type: 'screen-unlocked' });
    expect(h.scheduler.status('work').reason).toBe('active');
  });
});

describe('scheduler: start, sleep and network', () => {
  it('nothing syncs before the app has started', async () => {
    const h = createHarness();
    h.scheduler.dispatch({ type: 'window-shown' });
    await h.until(60, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([]);
    expect(h.scheduler.status('work')).toMatchObject({ reason: 'not-started', nextSyncAt: null });
  });

  it('at start with the window visible, mailboxes older than 10 minutes sync at once and fresh ones when due', async () => {
    const h = createHarness({ accounts: ['stale', 'fresh', 'never'] });
    h.scheduler.setLastSynced('stale', T0 - 2 * HOUR);
    h.scheduler.setLastSynced('fresh', T0 - 4 * MINUTE);
    launchVisible(h);
    expect(h.calls).toEqual([
      { minute: 0, target: { accountId: 'stale' }, reason: 'app-started' },
      { minute: 0, target: { accountId: 'never' }, reason: 'app-started' },
    ]);
    await h.until(7, { inputEvery: 1 });
    expect(h.calls.slice(2)).toEqual([{ minute: 6, target: { accountId: 'fresh' }, reason: 'active-cadence' }]);
  });

  it('at start into the tray with the option off, only mailboxes older than 24 hours sync', async () => {
    const h = createHarness({ accounts: ['two-hours', 'two-days', 'never'] });
    h.scheduler.setLastSynced('two-hours', T0 - 2 * HOUR);
    h.scheduler.setLastSynced('two-days', T0 - 48 * HOUR);
    h.scheduler.dispatch({ type: 'app-started' });
    expect(h.calls.map((call) => call.target.accountId)).toEqual(['two-days', 'never']);
    expect(h.minuteOf(h.scheduler.status('two-hours').nextSyncAt)).toBe(22 * 60);
  });

  it('two days asleep wake to one sync, not 288', async () => {
    const h = createHarness({ settings: { assignKnownClients: true } });
    h.scheduler.dispatch({ type: 'app-started' });
    await h.until(12);
    h.scheduler.dispatch({ type: 'system-suspend' });
    expect(h.scheduler.status('work')).toMatchObject({ reason: 'suspended', nextSyncAt: null });
    expect(h.time.pendingDelays()).toEqual([]);
    h.time.sleep(48 * HOUR);
    h.scheduler.dispatch({ type: 'system-resume' });
    await h.until(48 * 60 + 15);
    const wakeMinute = 48 * 60 + 12;
    expect(h.calls.map((call) => [call.minute, call.reason])).toEqual([
      [0, 'app-started'],
      [10, 'background-cadence'],
      [wakeMinute, 'resumed'],
    ]);
  });

  it('a sleep the OS did not report still ends in one sync when the late timer fires', async () => {
    const h = createHarness({ settings: { assignKnownClients: true } });
    h.scheduler.dispatch({ type: 'app-started' });
    await h.until(2);
    h.time.sleep(48 * HOUR);
    await h.until(48 * 60 + 12);
    // The timer had 8 minutes left when the machine slept, and libuv's monotonic clock does not count sleep.
    expect(h.syncMinutes()).toEqual([0, 48 * 60 + 10]);
  });

  it('offline syncs nothing; back online, one sync of what fell due, then the cadence resumes', async () => {
    const h = createHarness();
    launchVisible(h);
    await h.until(5, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'offline' });
    await h.until(60, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0]);
    expect(h.scheduler.status('work')).toMatchObject({ reason: 'offline', nextSyncAt: null });
    h.scheduler.dispatch({ type: 'online' });
    await h.until(71, { inputEvery: 1 });
    expect(h.calls.map((call) => [call.minute, call.reason])).toEqual([
      [0, 'app-started'],
      [60, 'reconnected'],
      [70, 'active-cadence'],
    ]);
  });

  it('reconnecting before anything fell due syncs nothing extra', async () => {
    const h = createHarness();
    launchVisible(h);
    await h.until(2, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'offline' });
    await h.until(4, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'online' });
    await h.until(11, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 10]);
  });

  it('a failing sync is retried after 1, 2, 4, 8 minutes, then at the cadence', async () => {
    const h = createHarness({ runSync: () => Promise.reject(new Error('server down')) });
    launchVisible(h);
    await h.until(36, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 1, 3, 7, 15, 25, 35]);
    expect(h.scheduler.status('work')).toMatchObject({ failedAttempts: 7, nextSyncAt: T0 + 45 * MINUTE });
  });

  it('reconnecting drops the backoff: a failing server gets a fresh try at once', async () => {
    const h = createHarness({ runSync: () => Promise.reject(new Error('server down')) });
    launchVisible(h);
    await h.until(16, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 1, 3, 7, 15]);
    h.scheduler.dispatch({ type: 'offline' });
    await h.until(17, { inputEvery: 1 });
    h.scheduler.dispatch({ type: 'online' });
    expect(h.calls.at(-1)).toMatchObject({ minute: 17, reason: 'reconnected' });
  });

  it('an engine that throws instead of rejecting counts as a failed sync', async () => {
    const h = createHarness({
      runSync: () => {
        throw new Error('not a promise');
      },
    });
    launchVisible(h);
    await h.until(2, { inputEvery: 1 });
    expect(h.syncMinutes()).toEqual([0, 1]);
  });
});

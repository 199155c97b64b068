import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../shared/schedule';
import { activeUntil, backgroundCause, deriveMode, initialActivity, reduceActivity, type ActivityEvent, type ActivityState } from './activity';

const MINUTE = 60_000;
const T = 1_800_000_000_000;

function after(events: ActivityEvent[], at = T): ActivityState {
  return events.reduce((state, event) => reduceActivity(state, event, at), initialActivity(DEFAULT_SCHEDULE_SETTINGS));
}

const started: ActivityEvent = { type: 'app-started' };

describe('activity: the mode derived from window, input, power and network', () => {
  it('is not-started until the app reports it has started, whatever else happened', () => {
    expect(deriveMode(after([{ type: 'window-shown' }, { type: 'user-input' }]), T)).toBe('not-started');
  });

  it('is active with a visible window and input within the threshold, background at the threshold', () => {
    const state = after([started, { type: 'window-shown' }]);
    expect(deriveMode(state, T + 5 * MINUTE - 1)).toBe('active');
    expect(deriveMode(state, T + 5 * MINUTE)).toBe('background');
    expect(backgroundCause(state)).toBe('user-inactive');
    expect(activeUntil(state, T)).toBe(T + 5 * MINUTE);
    expect(activeUntil(state, T + 5 * MINUTE)).toBeNull();
  });

  it.each([
    ['window-minimised', 'window-minimised'],
    ['window-hidden', 'window-hidden'],
    ['screen-locked', 'screen-locked'],
  ] as const)('is background after %s, even with fresh input', (type, cause) => {
    const state = after([started, { type: 'window-shown' }, { type }, { type: 'user-input' }]);
    expect(deriveMode(state, T)).toBe('background');
    expect(backgroundCause(state)).toBe(cause);
  });

  it.each(['window-restored', 'window-focused', 'window-shown'] as const)(
    '%s counts as input and makes a minimised app active again',
    (type) => {
      const minimised = after([started, { type: 'window-shown' }, { type: 'window-minimised' }], T - 10 * MINUTE);
      const back = reduceActivity(minimised, { type }, T);
      expect(back.lastInputAt).toBe(T);
      expect(deriveMode(back, T)).toBe('active');
    },
  );

  it('unlocking the screen counts as input', () => {
    const locked = after([started, { type: 'window-shown' }, { type: 'screen-locked' }], T - 10 * MINUTE);
    const unlocked = reduceActivity(locked, { type: 'screen-unlocked' }, T);
    expect(deriveMode(locked, T)).toBe('background');
    expect(deriveMode(unlocked, T)).toBe('active');
  });

  it('a blurred window stays visible: focus elsewhere is not absence', () => {
    const state = after([started, { type: 'window-shown' }, { type: 'window-blurred' }]);
    expect(deriveMode(state, T + MINUTE)).toBe('active');
  });

  it('takes the later of its own input and the OS idle count', () => {
    const shown = after([started, { type: 'window-shown' }]);
    const idleLong = reduceActivity(shown, { type: 'system-idle', idleSeconds: 600 }, T + MINUTE);
    expect(idleLong.lastInputAt).toBe(T);
    const idleShort = reduceActivity(shown, { type: 'system-idle', idleSeconds: 30 }, T + 10 * MINUTE);
    expect(idleShort.lastInputAt).toBe(T + 10 * MINUTE - 30_000);
  });

  it('suspended outranks offline, and offline outranks an active user', () => {
    const active = after([started, { type: 'window-shown' }]);
    expect(deriveMode(reduceActivity(active, { type: 'offline' }, T), T)).toBe('offline');
    expect(deriveMode(after([started, { type: 'offline' }, { type: 'system-suspend' }]), T)).toBe('suspended');
    expect(deriveMode(after([started, { type: 'system-suspend' }, { type: 'system-resume' }]), T)).toBe('background');
    expect(deriveMode(after([started, { type: 'offline' }, { type: 'online' }]), T)).toBe('background');
  });

  it('an option change merges into the settings and keeps the other intervals', () => {
    const state = after([{ type: 'option-changed', patch: { assignKnownClients: true, syncIntervals: { inputIdleMs: MINUTE } } }]);
    expect(state.settings.assignKnownClients).toBe(true);
    expect(state.settings.syncIntervals).toEqual({ ...DEFAULT_SCHEDULE_SETTINGS.syncIntervals, inputIdleMs: MINUTE });
  });
});

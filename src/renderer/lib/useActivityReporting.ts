import { useEffect } from 'react';
import type { ActivityEventName } from '../../shared/schedule';
import { api } from './bridge';

// Input is reported at most this often: the core only needs to know the user is still there (its idle
// threshold is minutes), not every keystroke.
const INPUT_REPORT_INTERVAL_MS = 30_000;

/**
 * Tells the core what the user does with the window — shown or hidden, focused or not, still typing — so sync
 * runs at the active cadence while someone reads and slows down when nobody does. In web mode this is all the
 * core can learn about the user.
 */
export function useActivityReporting(): void {
  useEffect(() => {
    const report = (event: ActivityEventName) => {
      api.activity.report(event).catch(() => {
        // Losing one report only delays a cadence change until the next one.
      });
    };
    let lastInput = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - lastInput < INPUT_REPORT_INTERVAL_MS) return;
      lastInput = now;
      report('user-input');
    };
    const onVisibility = () => report(document.visibilityState === 'visible' ? 'window-shown' : 'window-hidden');
    const onFocus = () => report('window-focused');
    const onBlur = () => report('window-blurred');

    report(document.visibilityState === 'visible' ? 'window-shown' : 'window-hidden');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    window.addEventListener('keydown', onInput, { capture: true, passive: true });
    window.addEventListener('pointerdown', onInput, { capture: true, passive: true });
    window.addEventListener('wheel', onInput, { capture: true, passive: true });
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('keydown', onInput, { capture: true });
      window.removeEventListener('pointerdown', onInput, { capture: true });
      window.removeEventListener('wheel', onInput, { capture: true });
    };
  }, []);
}

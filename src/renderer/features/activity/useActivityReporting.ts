import { useEffect } from 'react';
import type { ActivityEventName } from '../../../shared/schedule';
import { api } from '../../lib/bridge';
import { createInputThrottle, pageReportedEvents, visibilityEvent, type PageHost } from './activityReports';

/** The Electron preload sets `window.postino`; a browser has none. */
function pageHost(): PageHost {
  return window.postino ? 'desktop' : 'browser';
}

/**
 * Tells the core what the user does with the page — shown or hidden, focused or not, still typing — so sync runs
 * at the active cadence while someone reads and slows down when nobody does. What is reported where: see
 * ./activityReports.ts.
 */
export function useActivityReporting(): void {
  useEffect(() => {
    const reported = pageReportedEvents(pageHost());
    const report = (event: ActivityEventName) => {
      if (!reported.has(event)) return;
      api.activity.report(event).catch(() => {
        // Losing one report only delays a cadence change until the next one.
      });
    };
    const inputAllowed = createInputThrottle();
    const onInput = () => {
      if (inputAllowed(Date.now())) report('user-input');
    };
    const onVisibility = () => report(visibilityEvent(document.visibilityState));
    const onFocus = () => report('window-focused');
    const onBlur = () => report('window-blurred');
    const inputEvents = ['keydown', 'pointerdown', 'wheel'] as const;

    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    for (const name of inputEvents) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      for (const name of inputEvents) window.removeEventListener(name, onInput, { capture: true });
    };
  }, []);
}

import { describe, expect, it } from 'vitest';
import { createInputThrottle, INPUT_REPORT_INTERVAL_MS, pageReportedEvents, visibilityEvent } from './activityReports';

describe('activity reports from the page', () => {
  it('report input at most once every 30 seconds', () => {
    const allowed = createInputThrottle();
    const at = (seconds: number) => allowed(1_000_000 + seconds * 1000);
    expect([at(0), at(1), at(29.999), at(30), at(31), at(59), at(60)]).toEqual([true, false, false, true, false, false, true]);
    expect(INPUT_REPORT_INTERVAL_MS).toBe(30_000);
  });

  it('report input again at once when the clock was set back', () => {
    const allowed = createInputThrottle(30_000);
    expect(allowed(5_000_000)).toBe(true);
    expect(allowed(1_000_000)).toBe(true);
    expect(allowed(1_010_000)).toBe(false);
  });

  it('leave the window’s visibility and focus to the desktop shell, and report only input there', () => {
    expect([...pageReportedEvents('desktop')]).toEqual(['user-input']);
  });

  it('report visibility, focus and input in a browser, where nothing else can', () => {
    expect([...pageReportedEvents('browser')].sort()).toEqual(
      ['user-input', 'window-blurred', 'window-focused', 'window-hidden', 'window-shown'].sort(),
    );
  });

  it('map the page’s visibility to shown and hidden', () => {
    expect(visibilityEvent('visible')).toBe('window-shown');
    expect(visibilityEvent('hidden')).toBe('window-hidden');
  });
});

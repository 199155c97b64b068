import { useEffect, useSyncExternalStore } from 'react';
import { createTicker } from './ticker';

/** Shown again after being hidden: tick at once, since a hidden page's timers fire late or not at all. */
function wakeWhenShown(wake: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'visible') wake();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => document.removeEventListener('visibilitychange', onVisibility);
}

const pageTicker = createTicker({ wakeSource: wakeWhenShown });

/**
 * The current time for relative texts, from the one page-wide 30-second ticker. Pass what the text is computed
 * from (`changedWith`): when it changes the ticker wakes, so a fresh "next in 10 min" is measured from now rather
 * than from a tick up to 30 seconds old.
 */
export function useTickingNow(changedWith?: unknown): number {
  const now = useSyncExternalStore(pageTicker.subscribe, pageTicker.now);
  useEffect(() => {
    if (changedWith !== undefined) pageTicker.wake();
  }, [changedWith]);
  return now;
}

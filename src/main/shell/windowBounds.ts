import type { Rectangle } from 'electron';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
/** How much of the window must show on some display for saved bounds to be reused. */
const MIN_VISIBLE_PX = 100;

/**
 * The saved bounds, when the window would still be reachable with them; otherwise null (the OS centres a
 * default-sized window). A monitor unplugged since last time must not leave the window off screen.
 */
export function restorableBounds(saved: Rectangle | null, workAreas: readonly Rectangle[]): Rectangle | null {
  if (!saved) return null;
  const visible = workAreas.some((area) => overlap(saved.x, saved.width, area.x, area.width) >= MIN_VISIBLE_PX && overlap(saved.y, saved.height, area.y, area.height) >= MIN_VISIBLE_PX);
  return visible ? saved : null;
}

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);
}

/** The times "Send later" offers and reads, in the user's local time (what a datetime-local input holds). */

const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in local time: the value format of `<input type="datetime-local">`. */
export function toLocalInputValue(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's value as epoch ms; null when empty or not a time. */
export function fromLocalInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number) as [number, number, number, number, number, number];
  const time = new Date(year, month - 1, day, hours, minutes).getTime();
  return Number.isNaN(time) ? null : time;
}

/** What the picker proposes: tomorrow at 8:00, the start of a working day. */
export function defaultSendLater(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 8, 0).getTime();
}

/** Schemes the system may open for the user; javascript:, file:, data: and the rest never leave the app. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function isExternallyOpenable(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return false;
    return parsed.protocol === 'mailto:' || parsed.hostname !== '';
  } catch {
    return false;
  }
}

// Names Windows refuses whatever the extension ("CON.txt" is still the console device).
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows forbids in names, C0/C1 controls, and bidi/zero-width controls that can
// make "invoice_gpj.exe" display as "invoice_exe.jpg".
const UNSAFE_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_LENGTH = 180;

/**
 * A file name that is safe to hand to the browser's download: one plain name, never a path, never a device,
 * never hidden. Keeps the extension when it has to shorten. `fallback` is used when nothing usable remains.
 */
export function safeFileName(name: string, fallback = 'attachment'): string {
  let cleaned = name.normalize('NFC').replace(UNSAFE_CHARACTERS, '_');
  // Leading dots make hidden files (or "..") and trailing dots or spaces are dropped by Windows.
  cleaned = cleaned.trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (cleaned.replace(/_/g, '') === '') return fallback;
  if (RESERVED_NAMES.test(cleaned)) cleaned = `_${cleaned}`;
  return shorten(cleaned);
}

function shorten(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = Array.from(name.slice(0, name.length - extension.length)).slice(0, MAX_LENGTH - extension.length);
  return stem.join('') + extension;
}

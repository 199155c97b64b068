const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** A typed link target as a URL: "example.com" means https, an address means mailto; anything else is refused. */
export function linkTarget(typed: string): string | null {
  const value = typed.trim();
  if (value === '' || /\s/.test(value)) return null;
  if (SAFE_LINK.test(value)) return value;
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(value)) return `mailto:${value}`;
  if (/^[^/:]+\.[^/:]+(\/.*)?$/.test(value)) return `https://${value}`;
  return null;
}

import { find } from 'linkifyjs';

/** Schemes the app will open for the user; anything else (javascript:, data:, file:, …) is never a link. */
const OPENABLE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The absolute URL the app may open, or null when the href is not an http(s)/mailto URL. */
export function openableUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  // The WHATWG parser strips controls and inner tabs/newlines exactly as the browser would on a click, so
  // "java\nscript:" is judged by the scheme it really has.
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!OPENABLE_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}

/** The DOM surface link rewriting needs: an `<a>` or `<area>` in the sanitised mail. */
export interface LinkElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Attributes of a mail's link that could send it elsewhere, report the click, or save a file instead. */
const LINK_BEHAVIOUR_ATTRIBUTES = ['href', 'target', 'rel', 'ping', 'download', 'referrerpolicy', 'xlink:href'];

/**
 * Rewrites a link in mail so a click opens its target outside the reader and nothing else: an http(s)/mailto
 * target opens in a new top-level window (the Electron shell turns that into the system browser, a browser opens a
 * tab) with no opener and no referrer, and its real address is shown on hover whatever the mail's own title or
 * text claims. Any other href (javascript:, data:, file:, relative, fragment — relative ones would resolve against
 * the app) is removed, so the link is plain text. The frame itself is never the target, so it cannot navigate.
 */
export function rewriteLink(element: LinkElement): void {
  const target = openableUrl(element.getAttribute('href'));
  for (const attribute of LINK_BEHAVIOUR_ATTRIBUTES) element.removeAttribute(attribute);
  if (!target) {
    element.removeAttribute('title');
    return;
  }
  element.setAttribute('href', target);
  element.setAttribute('title', target);
  element.setAttribute('target', '_blank');
  element.setAttribute('rel', 'noopener noreferrer');
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string };

/** Splits plain text into text and links (URLs and e-mail addresses), for React to render without innerHTML. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const match of find(text)) {
    const url = openableUrl(match.href);
    if (!url) continue;
    if (match.start > position) segments.push({ kind: 'text', text: text.slice(position, match.start) });
    segments.push({ kind: 'link', text: match.value, url });
    position = match.end;
  }
  if (position < text.length) segments.push({ kind: 'text', text: text.slice(position) });
  return segments;
}

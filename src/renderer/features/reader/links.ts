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

/**
 * Makes a link in mail inert: the frame cannot navigate anywhere (a click would load the remote page inside
 * the reader, outside the mail's content policy), and the real target is shown on hover and returned so the
 * reader can offer to open it through the app. Unsafe schemes lose their target entirely.
 */
export function neutraliseLink(element: LinkElement): string | null {
  const target = openableUrl(element.getAttribute('href'));
  for (const attribute of ['href', 'target', 'ping', 'download', 'rel', 'xlink:href']) {
    element.removeAttribute(attribute);
  }
  if (target) {
    element.setAttribute('title', target);
    element.setAttribute('data-postino-link', '');
  } else {
    element.removeAttribute('title');
  }
  return target;
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

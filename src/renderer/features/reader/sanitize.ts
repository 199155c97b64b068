import DOMPurify from 'dompurify';
import { neutraliseLink } from './links';

export interface SanitisedMail {
  html: string;
  /** The distinct http(s)/mailto targets of the mail's links, in document order, for the reader to offer. */
  links: string[];
}

// Elements that could submit, embed, redirect or load something behind the frame's policy's back. The core
// removed them already (sanitize-html); this second pass guards against a bug or a gap there.
const FORBIDDEN_TAGS = ['form', 'input', 'button', 'textarea', 'select', 'option', 'meta', 'base', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'script', 'noscript', 'template', 'portal'];
const FORBIDDEN_ATTRIBUTES = ['srcset', 'ping', 'formaction', 'action', 'background', 'poster', 'lowsrc', 'dynsrc', 'http-equiv'];

/**
 * Sanitises the core's already-sanitised HTML a second time, in the browser's own parser, and makes every link
 * inert (see links.ts). A fresh DOMPurify instance per call keeps the link hook from leaking between messages.
 */
export function sanitiseMailHtml(html: string): SanitisedMail {
  const purifier = DOMPurify(window);
  const links: string[] = [];
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A' && node.nodeName !== 'AREA') return;
    const target = neutraliseLink(node as Element);
    if (target && !links.includes(target)) links.push(target);
  });
  const clean = purifier.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    // Keeps a leading <style> block (mail puts its styles first); otherwise the parser would drop it as head.
    FORCE_BODY: true,
    RETURN_TRUSTED_TYPE: false,
  });
  return { html: clean, links };
}

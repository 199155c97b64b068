import DOMPurify from 'dompurify';
import { rewriteLink } from './links';

// Elements that could submit, embed, redirect or load something behind the frame's policy's back. The core
// removed them already (sanitize-html); this second pass guards against a bug or a gap there. SVG and MathML go
// too: the core drops them, and an SVG link would show no title on hover and escape the link rewriting below.
const FORBIDDEN_TAGS = ['form', 'input', 'button', 'textarea', 'select', 'option', 'meta', 'base', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'script', 'noscript', 'template', 'portal', 'svg', 'math'];
const FORBIDDEN_ATTRIBUTES = ['srcset', 'ping', 'formaction', 'action', 'background', 'poster', 'lowsrc', 'dynsrc', 'http-equiv'];

/**
 * Sanitises the core's already-sanitised HTML a second time, in the browser's own parser, and rewrites every link
 * to open outside the reader (see links.ts). A fresh DOMPurify instance per call keeps the hook from leaking
 * between messages.
 */
export function sanitiseMailHtml(html: string): string {
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' || node.nodeName === 'AREA') rewriteLink(node as Element);
  });
  return purifier.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    // Keeps a leading <style> block (mail puts its styles first); otherwise the parser would drop it as head.
    FORCE_BODY: true,
    RETURN_TRUSTED_TYPE: false,
  });
}

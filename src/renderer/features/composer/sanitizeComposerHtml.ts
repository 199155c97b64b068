/**
 * What may enter the editor from outside (a paste, the quoted original of a reply): structure and emphasis only.
 * No styles or classes (a pasted page's CSS would restyle the whole message, and `url()` loads remote content),
 * no remote images (they would tell the original sender the message is being answered), links limited to
 * http(s) and mailto.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'h1', 'h2', 'h3', 'h4', 'hr', 'img', 'table', 'thead', 'tbody', 'tr', 'td', 'th',
];
const ALLOWED_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'type', 'colspan', 'rowspan', 'width', 'height'];
const SAFE_LINK = /^(https?:|mailto:)/i;
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/i;

export function sanitizeComposerHtml(html: string): string {
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href');
    }
    if (node.nodeName === 'IMG' && !INLINE_IMAGE.test(node.getAttribute('src') ?? '')) node.remove();
  });
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  });
}

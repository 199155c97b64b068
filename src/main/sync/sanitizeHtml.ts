/**
 * The HTML of a message, made safe to display: an allow-list of tags and attributes, so scripts, event handlers,
 * frames, objects, forms and `javascript:` URLs never reach the reader. Remote images and styles are kept (the
 * reader blocks them until the user allows the sender) and flagged; `cid:` images are resolved at display time.
 */
import sanitize from 'sanitize-html';

export interface SanitizedHtml {
  html: string;
  /** True when anything would be loaded from the network: images, backgrounds, CSS url() or @import. */
  hasRemoteContent: boolean;
}

const LAYOUT_TAGS = [
  'img', 'style', 'font', 'center', 'span', 'div', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'col', 'colgroup', 'u', 's', 'strike', 'small', 'big', 'hr', 'br', 'sub', 'sup', 'abbr', 'address', 'figure',
  'figcaption', 'picture', 'source',
];
const PRESENTATION_ATTRIBUTES = [
  'style', 'class', 'align', 'valign', 'width', 'height', 'bgcolor', 'background', 'color', 'dir', 'lang', 'title',
  'border', 'cellpadding', 'cellspacing', 'colspan', 'rowspan', 'face', 'size', 'role',
];
const ALLOWED_TAGS = [...sanitize.defaults.allowedTags, ...LAYOUT_TAGS];
const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const REMOTE_URL = /^\s*(?:https?:)?\/\//i;
const CSS_REMOTE_REFERENCE = /url\(\s*['"]?\s*(?:https?:)?\/\/|@import/i;
/** Old IE expression(), Mozilla bindings and script URLs inside CSS. */
const CSS_ACTIVE_CONTENT = /expression\s*\(|behaviou?r\s*:|-moz-binding|(?:java|vb)script\s*:/gi;

export function sanitizeHtml(html: string): SanitizedHtml {
  let hasRemoteContent = false;
  const cleaned = sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    // <style> is allowed because mail layouts live in it; its text is scrubbed below, as sanitize-html keeps it raw.
    allowVulnerableTags: true,
    nonTextTags: ['script', 'textarea', 'option', 'noscript', 'title'],
    allowedAttributes: {
      '*': PRESENTATION_ATTRIBUTES,
      a: ['href', 'name', 'target'],
      img: ['src', 'srcset', 'alt', 'width', 'height'],
      source: ['srcset', 'media', 'type'],
      td: [...PRESENTATION_ATTRIBUTES, 'nowrap'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'cid'],
    allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'background', 'cite'],
    allowProtocolRelative: true,
    transformTags: {
      '*': (tagName, attribs) => {
        if (!ALLOWED_TAG_SET.has(tagName)) return { tagName, attribs }; // dropped anyway: its URLs load nothing
        const references = [attribs.src, attribs.srcset?.trim(), attribs.background];
        if (references.some((value) => value !== undefined && REMOTE_URL.test(value))) hasRemoteContent = true;
        if (attribs.style !== undefined) {
          if (CSS_REMOTE_REFERENCE.test(attribs.style)) hasRemoteContent = true;
          attribs.style = attribs.style.replace(CSS_ACTIVE_CONTENT, 'blocked:');
        }
        return { tagName, attribs };
      },
    },
  });
  const scrubbed = cleaned.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/gi, (_match, open: string, css: string, close: string) => {
    if (CSS_REMOTE_REFERENCE.test(css)) hasRemoteContent = true;
    return `${open}${css.replace(CSS_ACTIVE_CONTENT, 'blocked:')}${close}`;
  });
  return { html: scrubbed, hasRemoteContent };
}

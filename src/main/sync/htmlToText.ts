/** Readable plain text from HTML, for a body that came without a text/plain alternative: the search index and snippet. */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tr', 'ul',
]);
/** Elements whose text is not message text. */
const INVISIBLE = new Set(['head', 'script', 'style', 'template', 'title', 'noscript']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        // An unclosed <head> must not hide the whole message.
        if (name === 'body') hidden = 0;
        else if (INVISIBLE.has(name)) hidden++;
        else if (BLOCKS.has(name)) out.push('\n');
        else if (name === 'td' || name === 'th') out.push(' ');
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) out.push('\n');
      },
      ontext(text) {
        if (hidden === 0) out.push(text.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

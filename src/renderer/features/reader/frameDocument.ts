/**
 * The content policy inside the reader's sandboxed frame. Blocked: nothing leaves the machine — only inline
 * styles and images embedded in the mail. Allowed (the user chose to see remote content): images, styles and
 * fonts over http(s) too. Never scripts, frames, forms, media or connections of any kind. Links need nothing here:
 * a click opens a new top-level window, which no content policy governs (the frame's sandbox allows only that).
 */
export function frameContentPolicy(remoteContentAllowed: boolean): string {
  const remote = remoteContentAllowed ? ' https: http:' : '';
  return [
    "default-src 'none'",
    `style-src 'unsafe-inline'${remote}`,
    `img-src data: cid:${remote}`,
    `font-src data:${remote}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// Mail is written for a white page; the frame keeps it that way in dark mode, as Apple Mail and Fastmail do.
// The link colour has no specificity (:where), so any link style the mail brings wins.
const FRAME_STYLE = `
html { color-scheme: light; }
body { margin: 0; padding: 20px 24px; background: #fff; color: #1d1d1f; overflow-wrap: anywhere;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
img { max-width: 100%; height: auto; }
:where(a[href]) { color: #0a66d8; }
pre { white-space: pre-wrap; }
`;

/** The whole srcdoc: the policy comes first, before any content the mail brings. */
export function frameDocument(sanitisedBodyHtml: string, remoteContentAllowed: boolean): string {
  const policy = frameContentPolicy(remoteContentAllowed).replace(/"/g, '&quot;');
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${policy}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${FRAME_STYLE}</style></head><body>${sanitisedBodyHtml}</body></html>`
  );
}

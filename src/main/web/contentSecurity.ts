/**
 * The headers every page of the app is served with, in web mode and in the Electron shell alike.
 *
 * Why remote images, styles and fonts are allowed at all: the reader shows mail in a sandboxed `srcdoc` frame,
 * and a srcdoc document inherits this policy on top of its own (src/renderer/features/reader/frameDocument.ts).
 * The frame's own policy blocks remote content until the user allows it for a sender; if this policy blocked it
 * too, allowing it would do nothing. Scripts, objects, frames from elsewhere and connections stay locked to the app.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const remoteContent = 'https: http:';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mail is styled inline; React's style props go through the CSSOM, which CSP does not restrict.
    `style-src 'self' 'unsafe-inline' ${remoteContent}`,
    `img-src 'self' data: blob: ${remoteContent}`,
    `font-src 'self' data: ${remoteContent}`,
    ['connect-src', "'self'", ...connectSources].join(' '),
    // The reader's srcdoc frame needs no source here; this also stops a mail frame from ever loading a remote page
    // (its links open new windows instead, and the app's own pages refuse to be framed: frame-ancestors).
    "frame-src 'self' blob:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(connectSources: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectSources),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // For browsers older than frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

import { useMemo } from 'react';
import { frameDocument } from './frameDocument';
import { sanitiseMailHtml } from './sanitize';

/**
 * Popups are the one thing the mail frame may do, so a click on a link opens it in a new top-level window — the
 * Electron shell denies that window and hands http(s)/mailto to the system browser; a browser opens a tab.
 * Escaping the sandbox only means the opened page is an ordinary page, not one stuck without scripts. Kept off:
 * scripts, same origin (the frame's origin stays opaque: no access to the app, its cookies or storage), forms and
 * top navigation; every link targets a new window (links.ts), so the frame never navigates itself either. Its own
 * content policy blocks remote content until the user allows it.
 */
const MAIL_FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

export function HtmlBody({ html, remoteContentAllowed, title }: { html: string; remoteContentAllowed: boolean; title: string }) {
  const sanitised = useMemo(() => sanitiseMailHtml(html), [html]);
  const document = useMemo(() => frameDocument(sanitised, remoteContentAllowed), [sanitised, remoteContentAllowed]);
  return (
    <div className="html-body">
      <iframe
        className="html-body__frame"
        title={title}
        sandbox={MAIL_FRAME_SANDBOX}
        srcDoc={document}
        referrerPolicy="no-referrer"
        data-testid="html-body"
      />
    </div>
  );
}

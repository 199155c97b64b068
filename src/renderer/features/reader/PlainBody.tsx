import { useMemo } from 'react';
import { openExternal } from '../../lib/openExternal';
import { splitLinks } from './links';

/**
 * A plain-text body: line breaks kept, URLs and addresses turned into links as React elements (never
 * innerHTML). A click opens the link outside the app; it never navigates the app's own window.
 */
export function PlainBody({ text }: { text: string }) {
  // CRLF from the wire would show as doubled breaks in some fonts and copies badly; one break is "\n".
  const segments = useMemo(() => splitLinks(text.replace(/\r\n?/g, '\n')), [text]);
  return (
    <div className="plain-body" data-testid="plain-body">
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <a
            key={index}
            href={segment.url}
            title={segment.url}
            rel="noopener noreferrer"
            onClick={(event) => {
              event.preventDefault();
              openExternal(segment.url);
            }}
          >
            {segment.text}
          </a>
        ),
      )}
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { openExternal } from '../../lib/openExternal';
import { frameDocument } from './frameDocument';
import { sanitiseMailHtml } from './sanitize';

/**
 * An HTML body in a frame with every sandbox restriction on: no scripts, an opaque origin (no access to the app,
 * its cookies or storage), no popups, no navigation of the app. Its own content policy blocks remote content
 * until the user allows it. Links cannot be clicked inside; they are listed here to open through the app.
 */
export function HtmlBody({ html, remoteContentAllowed, title }: { html: string; remoteContentAllowed: boolean; title: string }) {
  const { t } = useTranslation();
  const sanitised = useMemo(() => sanitiseMailHtml(html), [html]);
  const document = useMemo(() => frameDocument(sanitised.html, remoteContentAllowed), [sanitised, remoteContentAllowed]);
  return (
    <div className="html-body">
      {sanitised.links.length > 0 && (
        <details className="links">
          <summary className="links__summary">
            <Icon name="link" size={14} /> {t('reader.links', { count: sanitised.links.length })}
          </summary>
          <p className="links__hint">{t('reader.linksHint')}</p>
          <ul className="links__list">
            {sanitised.links.map((url) => (
              <li key={url} className="links__item">
                <span className="links__url" title={url}>
                  {url}
                </span>
                <button type="button" className="button button--small" onClick={() => openExternal(url)}>
                  <Icon name="external" size={13} /> {t('reader.openLink')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <iframe
        className="html-body__frame"
        title={title}
        sandbox=""
        srcDoc={document}
        referrerPolicy="no-referrer"
        data-testid="html-body"
      />
    </div>
  );
}

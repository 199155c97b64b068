import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

export function RemoteContentBar({ onShowOnce, onAlways, canAlways }: { onShowOnce(): void; onAlways(): void; canAlways: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--notice remote-bar" role="region" aria-label={t('reader.remoteBlocked')}>
      <Icon name="shield" />
      <span className="remote-bar__text">
        <strong>{t('reader.remoteBlocked')}</strong>
        <span className="remote-bar__hint">{t('reader.remoteBlockedHint')}</span>
      </span>
      <button type="button" className="button button--small" onClick={onShowOnce}>
        {t('reader.showOnce')}
      </button>
      {canAlways && (
        <button type="button" className="button button--small" onClick={onAlways}>
          {t('reader.alwaysForSender')}
        </button>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

/** An untrusted certificate: its fingerprint to compare, and the choice to trust it for this account only. */
export function TrustCertificate({ fingerprint, onTrust, disabled }: { fingerprint: string; onTrust(fingerprint: string): void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--warning trust" role="alert">
      <Icon name="shield" />
      <div className="trust__body">
        <strong>{t('accounts.trustTitle')}</strong>
        <p>{t('accounts.trustHint')}</p>
        <code className="trust__fingerprint" data-testid="fingerprint">
          {fingerprint}
        </code>
        <button type="button" className="button button--small" onClick={() => onTrust(fingerprint)} disabled={disabled}>
          {t('accounts.trustButton')}
        </button>
      </div>
    </div>
  );
}

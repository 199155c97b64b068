import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { errorKey } from '../../lib/errors';
import { useAccounts } from '../accounts/accountsStore';
import { useSettings, useSettingsStore } from '../settings/settingsStore';
import './notices.css';

/** One signature per account, plain text, saved when the field is left; the composer adds it below new mail. */
export function SignatureSettings() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const { signatures } = useSettings();
  const update = useSettingsStore((state) => state.update);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ accountId: string; error: unknown } | null>(null);

  const save = (accountId: string): void => {
    const value = edited[accountId];
    if (value === undefined || value === (signatures[accountId] ?? '')) return;
    setFailure(null);
    update({ signatures: { ...useSettingsStore.getState().settings.signatures, [accountId]: value } }).catch((error: unknown) =>
      setFailure({ accountId, error }),
    );
  };

  return (
    <div className="signature-settings">
      {accounts.map((account) => (
        <Field
          key={account.id}
          label={accounts.length > 1 ? `${t('composer.signature')} — ${account.address}` : t('composer.signature')}
          hint={t('composer.signatureHint')}
          error={failure?.accountId === account.id ? t(errorKey(failure.error)) : null}
        >
          <textarea
            className="text-input"
            name={`signature-${account.id}`}
            rows={3}
            value={edited[account.id] ?? signatures[account.id] ?? ''}
            onChange={(event) => setEdited({ ...edited, [account.id]: event.target.value })}
            onBlur={() => save(account.id)}
          />
        </Field>
      ))}
    </div>
  );
}

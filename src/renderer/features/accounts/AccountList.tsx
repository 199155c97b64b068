import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { errorKey } from '../../lib/errors';
import { AccountForm } from './AccountForm';
import { useAccounts, useAccountsStore } from './accountsStore';

type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; accountId: string } | { kind: 'remove'; accountId: string };

/** The accounts page of the settings: each account with edit and remove, and the add form. */
export function AccountList({ initialEditId }: { initialEditId: string | null }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [editing, setEditing] = useState<Editing>(initialEditId ? { kind: 'edit', accountId: initialEditId } : accounts.length === 0 ? { kind: 'add' } : { kind: 'none' });

  return (
    <div className="account-list">
      <ul className="account-list__items">
        {accounts.map((account) => (
          <li key={account.id} className="account-list__item">
            <div className="account-list__row">
              <span className="account-list__identity">
                <strong>{account.displayName || account.address}</strong>
                {account.displayName && <span className="account-list__address">{account.address}</span>}
              </span>
              <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'edit', accountId: account.id })}>
                {t('accounts.edit')}
              </button>
              <button type="button" className="button button--small button--danger" onClick={() => setEditing({ kind: 'remove', accountId: account.id })}>
                {t('accounts.remove')}
              </button>
            </div>
            {editing.kind === 'edit' && editing.accountId === account.id && (
              <AccountForm account={account} onDone={() => setEditing({ kind: 'none' })} onCancel={() => setEditing({ kind: 'none' })} />
            )}
            {editing.kind === 'remove' && editing.accountId === account.id && (
              <ConfirmRemove account={account} onDone={() => setEditing({ kind: 'none' })} />
            )}
          </li>
        ))}
      </ul>
      {editing.kind === 'add' ? (
        <section className="account-list__add">
          <h3>{t('accounts.addTitle')}</h3>
          <AccountForm onDone={() => setEditing({ kind: 'none' })} onCancel={accounts.length > 0 ? () => setEditing({ kind: 'none' }) : undefined} />
        </section>
      ) : (
        <button type="button" className="button" onClick={() => setEditing({ kind: 'add' })}>
          <Icon name="plus" size={14} /> {t('accounts.add')}
        </button>
      )}
    </div>
  );
}

function ConfirmRemove({ account, onDone }: { account: Account; onDone(): void }) {
  const { t } = useTranslation();
  const removeAccount = useAccountsStore((state) => state.remove);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    try {
      await removeAccount(account.id);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="banner banner--warning confirm" role="alertdialog" aria-label={t('accounts.removeConfirmButton')}>
      <p>{t('accounts.removeConfirm', { address: account.address })}</p>
      {error !== null && <p className="field__error">{t(errorKey(error))}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('accounts.cancel')}
        </button>
        <button type="button" className="button button--danger-solid" onClick={() => void remove()}>
          {t('accounts.removeConfirmButton')}
        </button>
      </div>
    </div>
  );
}

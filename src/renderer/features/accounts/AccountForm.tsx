import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, DiscoveredSettings } from '../../../shared/types';
import { Field } from '../../components/Field';
import { useAccountsStore } from './accountsStore';
import { AliasFields } from './AliasFields';
import { applyDiscovery, draftFromAccount, emptyDraft, inputFromDraft, looksLikeAddress, patchFromDraft, type AccountDraft } from './accountDraft';
import { ADVANCED_FIELDS, placeAccountError, type AccountField, type PlacedError } from './formErrors';
import { ServerFields } from './ServerFields';
import { TrustCertificate } from './TrustCertificate';

type Discovery = { phase: 'idle' } | { phase: 'looking' } | { phase: 'found'; label: string } | { phase: 'none' };

/**
 * Adds an account (address and password first; discovery proposes the servers, editable under "Server settings")
 * or edits one. The core tests the login before saving; its error is shown in words beside the field it concerns.
 */
export function AccountForm({ account, onDone, onCancel }: { account?: Account; onDone(): void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { add, update, discover: lookUp } = useAccountsStore.getState();
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftFromAccount(account) : emptyDraft()));
  const [discovery, setDiscovery] = useState<Discovery>({ phase: 'idle' });
  const [discoveredFor, setDiscoveredFor] = useState<string | null>(account?.address ?? null);
  const [advancedOpen, setAdvancedOpen] = useState(Boolean(account));
  const [error, setError] = useState<PlacedError | null>(null);
  const [saving, setSaving] = useState(false);

  const errorFor = (field: AccountField): string | null => (error?.field === field ? t(`errors.${error.code}`) : null);

  /** Asks the core for this address's servers, once per address; null when none were found. */
  const discover = async (address: string): Promise<DiscoveredSettings | null> => {
    if (account || discoveredFor === address || !looksLikeAddress(address)) return null;
    setDiscovery({ phase: 'looking' });
    setDiscoveredFor(address);
    // Discovery is a convenience: when it fails, the user fills the servers in by hand.
    const found = await lookUp(address).catch(() => null);
    setDiscovery(found ? { phase: 'found', label: found.label } : { phase: 'none' });
    if (!found) setAdvancedOpen(true);
    return found;
  };

  const discoverOnBlur = async () => {
    const found = await discover(draft.address.trim());
    // Functional update: the user may have typed the password while discovery was running.
    if (found) setDraft((latest) => applyDiscovery(latest, found));
  };

  const save = async (current: AccountDraft) => {
    setSaving(true);
    setError(null);
    try {
      if (account) await update(account.id, patchFromDraft(current));
      else await add(inputFromDraft(current));
      onDone();
    } catch (err) {
      const placed = placeAccountError(err);
      setError(placed);
      if (placed.field && ADVANCED_FIELDS.has(placed.field)) setAdvancedOpen(true);
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draft.imap.host ? null : await discover(draft.address.trim());
    const current = found ? applyDiscovery(draft, found) : draft;
    if (found) setDraft(current);
    await save(current);
  };

  const trust = (fingerprint: string) => {
    const next = { ...draft, pinnedCertSha256: fingerprint };
    setDraft(next);
    void save(next);
  };

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-busy={saving}>
      {!account && (
        <Field label={t('accounts.address')} error={errorFor('address')}>
          <input
            name="address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            value={draft.address}
            onChange={(event) => setDraft({ ...draft, address: event.target.value })}
            onBlur={() => void discoverOnBlur()}
          />
        </Field>
      )}
      <Field label={t('accounts.password')} error={errorFor('password')} hint={account ? t('accounts.passwordKeep') : undefined}>
        <input
          name="password"
          type="password"
          autoComplete={account ? 'new-password' : 'current-password'}
          required={!account}
          value={draft.password}
          onChange={(event) => setDraft({ ...draft, password: event.target.value })}
        />
      </Field>
      <Field label={t('accounts.displayName')} error={errorFor('displayName')}>
        <input name="displayName" autoComplete="name" value={draft.displayName} onChange={(event) => setDraft({ ...draft, displayName: event.target.value })} />
      </Field>

      {account && <AliasFields aliases={draft.aliases} onChange={(aliases) => setDraft({ ...draft, aliases })} />}

      {discovery.phase !== 'idle' && (
        <p className="account-form__discovery" role="status">
          {discovery.phase === 'looking' && t('accounts.discovering')}
          {discovery.phase === 'found' && t('accounts.discovered', { label: discovery.label })}
          {discovery.phase === 'none' && t('accounts.notDiscovered')}
        </p>
      )}

      <details className="account-form__advanced" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
        <summary>{t('accounts.advanced')}</summary>
        <Field label={t('accounts.username')} error={errorFor('username')}>
          <input name="username" autoComplete="username" spellCheck={false} value={draft.username} placeholder={draft.address} onChange={(event) => setDraft({ ...draft, username: event.target.value })} />
        </Field>
        <ServerFields legend={t('accounts.incoming')} prefix="imap" server={draft.imap} errorFor={errorFor} onChange={(imap) => setDraft({ ...draft, imap })} />
        <ServerFields legend={t('accounts.outgoing')} prefix="smtp" server={draft.smtp} errorFor={errorFor} onChange={(smtp) => setDraft({ ...draft, smtp })} />
      </details>

      {error?.code === 'tls-untrusted' && error.fingerprint && <TrustCertificate fingerprint={error.fingerprint} onTrust={trust} disabled={saving} />}
      {error && error.field === null && error.code !== 'tls-untrusted' && (
        <p className="banner banner--error" role="alert">
          {t(`errors.${error.code}`)} {error.code === 'limit-reached' && t('accounts.limitHint')}
        </p>
      )}
      {draft.pinnedCertSha256 && error?.code !== 'tls-untrusted' && <p className="account-form__trusted">{t('accounts.trusted')}</p>}

      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('accounts.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('accounts.saving') : account ? t('accounts.save') : t('accounts.add')}
        </button>
      </div>
    </form>
  );
}

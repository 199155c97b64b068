import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../shared/types';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import './aliasFields.css';

/**
 * The account's other From addresses (aliases), each with the name and signature it sends with. Replies answer
 * from the alias a message was sent to; the composer lists them all.
 */
export function AliasFields({ aliases, onChange }: { aliases: Identity[]; onChange(aliases: Identity[]): void }) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<Identity>): void =>
    onChange(aliases.map((alias, at) => (at === index ? { ...alias, ...patch } : alias)));
  return (
    <fieldset className="alias-fields">
      <legend>{t('accounts.aliases')}</legend>
      <p className="alias-fields__hint">{t('accounts.aliasesHint')}</p>
      {aliases.map((alias, index) => (
        <div key={index} className="alias-fields__alias" data-testid="alias">
          <div className="alias-fields__row">
            <Field label={t('accounts.aliasAddress')}>
              <input
                name={`alias-${index}-address`}
                type="email"
                spellCheck={false}
                autoComplete="off"
                value={alias.address}
                onChange={(event) => change(index, { address: event.target.value })}
              />
            </Field>
            <Field label={t('accounts.aliasName')}>
              <input name={`alias-${index}-name`} autoComplete="off" value={alias.name} onChange={(event) => change(index, { name: event.target.value })} />
            </Field>
            <button
              type="button"
              className="icon-button alias-fields__remove"
              aria-label={t('accounts.removeAlias', { address: alias.address })}
              title={t('accounts.removeAlias', { address: alias.address })}
              onClick={() => onChange(aliases.filter((_, at) => at !== index))}
            >
              <Icon name="trash" size={14} />
            </button>
          </div>
          <Field label={t('composer.signature')} hint={t('accounts.aliasSignatureHint')}>
            <textarea name={`alias-${index}-signature`} rows={2} value={alias.signature} onChange={(event) => change(index, { signature: event.target.value })} />
          </Field>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...aliases, { address: '', name: '', signature: '' }])}>
        <Icon name="plus" size={14} /> {t('accounts.addAlias')}
      </button>
    </fieldset>
  );
}

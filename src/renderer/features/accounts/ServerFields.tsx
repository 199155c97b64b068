import { useTranslation } from 'react-i18next';
import type { Security } from '../../../shared/types';
import { Field } from '../../components/Field';
import type { ServerDraft } from './accountDraft';

const SECURITY_OPTIONS: readonly Security[] = ['tls', 'starttls', 'none'];

/** Host, port and security of one server; `errorFor` gives the error text for "imap.host" and the like. */
export function ServerFields({ legend, server, prefix, onChange, errorFor }: {
  legend: string;
  server: ServerDraft;
  prefix: 'imap' | 'smtp';
  onChange(server: ServerDraft): void;
  errorFor(field: `${'imap' | 'smtp'}.${'host' | 'port' | 'security'}`): string | null;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="server-fields">
      <legend>{legend}</legend>
      <div className="server-fields__row">
        <Field label={t('accounts.host')} error={errorFor(`${prefix}.host`)}>
          <input
            name={`${prefix}-host`}
            value={server.host}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange({ ...server, host: event.target.value })}
          />
        </Field>
        <Field label={t('accounts.port')} error={errorFor(`${prefix}.port`)}>
          <input
            name={`${prefix}-port`}
            className="input--port"
            inputMode="numeric"
            value={server.port}
            onChange={(event) => onChange({ ...server, port: event.target.value })}
          />
        </Field>
        <Field label={t('accounts.security')} error={errorFor(`${prefix}.security`)}>
          <select
            name={`${prefix}-security`}
            value={server.security}
            onChange={(event) => onChange({ ...server, security: event.target.value as Security })}
          >
            {SECURITY_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`accounts.security_${option}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}

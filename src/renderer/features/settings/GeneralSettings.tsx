import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/types';
import { Field } from '../../components/Field';
import { errorData, errorKey } from '../../lib/errors';
import { pickUiLanguage } from '../../lib/locale';
import { SignatureSettings } from '../composer/SignatureSettings';
import { useSettings, useSettingsStore } from './settingsStore';

type NumberSetting = 'mailboxLimit' | 'offlineBodyDays' | 'undoSendSeconds';

/** Preferences saved as soon as they change; a refused value is shown in words under its field. */
export function GeneralSettings() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useSettingsStore((state) => state.update);
  const [failure, setFailure] = useState<{ field: keyof Settings; error: unknown } | null>(null);
  const [numbers, setNumbers] = useState<Record<NumberSetting, string>>({
    mailboxLimit: String(settings.mailboxLimit),
    offlineBodyDays: String(settings.offlineBodyDays),
    undoSendSeconds: String(settings.undoSendSeconds),
  });

  const save = (field: keyof Settings, patch: Partial<Settings>) => {
    setFailure(null);
    update(patch).catch((error: unknown) => {
      const named = errorData(error).details?.field;
      setFailure({ field: typeof named === 'string' ? (named as keyof Settings) : field, error });
    });
  };
  const errorFor = (field: keyof Settings) => (failure?.field === field ? t(errorKey(failure.error)) : null);
  const saveNumber = (field: NumberSetting) => {
    const value = Number(numbers[field]);
    if (value !== settings[field]) save(field, { [field]: Number.isInteger(value) ? value : NaN });
  };
  const systemLanguage = pickUiLanguage(null, navigator.languages ?? [navigator.language]);

  return (
    <div className="general-settings">
      <Field label={t('settings.language')} error={errorFor('language')}>
        <select
          name="language"
          value={settings.language ?? 'auto'}
          onChange={(event) => save('language', { language: event.target.value === 'auto' ? null : (event.target.value as 'en' | 'it') })}
        >
          <option value="auto">{t('settings.languageAuto', { language: t(`languages.${systemLanguage}`) })}</option>
          <option value="en">{t('languages.en')}</option>
          <option value="it">{t('languages.it')}</option>
        </select>
      </Field>

      <label className="check">
        <input type="checkbox" name="threaded" checked={settings.threaded} onChange={(event) => save('threaded', { threaded: event.target.checked })} />
        <span>{t('settings.threaded')}</span>
      </label>
      {errorFor('threaded') && <p className="field__error">{errorFor('threaded')}</p>}

      <label className="check">
        <input type="checkbox" name="instantNewMail" checked={settings.instantNewMail} onChange={(event) => save('instantNewMail', { instantNewMail: event.target.checked })} />
        <span>
          {t('settings.instantNewMail')}
          <span className="check__hint">{t('settings.instantNewMailHint')}</span>
        </span>
      </label>
      {errorFor('instantNewMail') && <p className="field__error">{errorFor('instantNewMail')}</p>}

      <label className="check">
        <input
          type="checkbox"
          name="assignKnownClients"
          checked={settings.assignKnownClients}
          onChange={(event) => save('assignKnownClients', { assignKnownClients: event.target.checked })}
        />
        <span>{t('settings.assignKnownClients')}</span>
      </label>
      {errorFor('assignKnownClients') && <p className="field__error">{errorFor('assignKnownClients')}</p>}

      <div className="general-settings__numbers">
        <Field label={t('settings.offlineBodyDays')} error={errorFor('offlineBodyDays')} hint={t('settings.offlineBodyDaysHint')} unit={t('settings.offlineBodyDaysUnit')}>
          <input
              name="offlineBodyDays"
              type="number"
              min={0}
              inputMode="numeric"
              value={numbers.offlineBodyDays}
              onChange={(event) => setNumbers({ ...numbers, offlineBodyDays: event.target.value })}
              onBlur={() => saveNumber('offlineBodyDays')}
            />
        </Field>
        <Field label={t('settings.undoSendSeconds')} error={errorFor('undoSendSeconds')} hint={t('settings.undoSendSecondsHint')} unit={t('settings.undoSendSecondsUnit')}>
          <input
            name="undoSendSeconds"
            type="number"
            min={0}
            max={30}
            inputMode="numeric"
            value={numbers.undoSendSeconds}
            onChange={(event) => setNumbers({ ...numbers, undoSendSeconds: event.target.value })}
            onBlur={() => saveNumber('undoSendSeconds')}
          />
        </Field>
        <Field label={t('settings.mailboxLimit')} error={errorFor('mailboxLimit')} hint={t('settings.mailboxLimitHint')}>
          <input
            name="mailboxLimit"
            type="number"
            min={1}
            inputMode="numeric"
            value={numbers.mailboxLimit}
            onChange={(event) => setNumbers({ ...numbers, mailboxLimit: event.target.value })}
            onBlur={() => saveNumber('mailboxLimit')}
          />
        </Field>
      </div>
      <SignatureSettings />
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/hooks';
import { defaultSendLater, fromLocalInputValue, toLocalInputValue } from './sendLater';

/** Picks when the message goes: a local date and time, later than now. */
export function SendLaterPanel({ onSchedule, onCancel, disabled }: { onSchedule(sendAt: number): void; onCancel(): void; disabled: boolean }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const [value, setValue] = useState(() => toLocalInputValue(defaultSendLater(now)));
  const sendAt = fromLocalInputValue(value);
  const inPast = sendAt !== null && sendAt <= now;
  return (
    <form
      className="send-later"
      onSubmit={(event) => {
        event.preventDefault();
        if (sendAt !== null && !inPast) onSchedule(sendAt);
      }}
    >
      <label className="send-later__label" htmlFor="composer-send-at">
        {t('composer.sendAt')}
      </label>
      <input
        id="composer-send-at"
        name="sendAt"
        type="datetime-local"
        className="text-input text-input--small"
        value={value}
        min={toLocalInputValue(now)}
        onChange={(event) => setValue(event.target.value)}
      />
      {inPast && <span className="send-later__error">{t('composer.sendAtPast')}</span>}
      <span className="toolbar__spacer" />
      <button type="button" className="button button--small" onClick={onCancel}>
        {t('composer.cancel')}
      </button>
      <button type="submit" className="button button--small button--primary" disabled={disabled || sendAt === null || inPast}>
        {t('composer.schedule')}
      </button>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../lib/formatNumber';
import { useFormattingLocale } from '../../lib/hooks';
import { useActionsStore, type ActionTarget } from './actionsStore';
import { performAction } from './performAction';

/** "Delete forever?": the one action that cannot be undone asks first, naming how many messages go. */
export function ConfirmForever({ target, count }: { target: ActionTarget; count: number }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const close = () => useActionsStore.getState().set({ confirmForever: null });
  return (
    <Dialog title={t('actions.confirm.title')} closeLabel={t('actions.confirm.cancel')} onClose={close}>
      <p className="confirm-forever__text">{t('actions.confirm.text', { count, formattedCount: formatCount(count, locale) })}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={close} autoFocus>
          {t('actions.confirm.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger-solid"
          onClick={() => {
            close();
            void performAction('deleteForever', target);
          }}
          data-testid="confirm-delete-forever"
        >
          {t('actions.confirm.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

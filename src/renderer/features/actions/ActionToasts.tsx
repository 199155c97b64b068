import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { errorKey } from '../../lib/errors';
import { useFormattingLocale } from '../../lib/hooks';
import { doneText, failedText } from './actionText';
import { useActionsStore, type ActionToast } from './actionsStore';
import { undoAction } from './performAction';

/** Long enough to read "3 messages moved to Work" and reach Undo; errors stay until read a little longer. */
export const UNDO_TOAST_MS = 6_000;
const ERROR_TOAST_MS = 12_000;

function ToastItem({ toast }: { toast: ActionToast }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const dismiss = useActionsStore((state) => state.dismissToast);
  const isError = toast.kind === 'failed' || toast.kind === 'call-failed' || toast.kind === 'undo-failed';
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), isError ? ERROR_TOAST_MS : UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [dismiss, toast.id, isError]);

  let text: string;
  if (toast.kind === 'done') text = doneText(t, toast.action, toast.count, locale, toast.folderName);
  else if (toast.kind === 'undone') text = t('actions.undone');
  else if (toast.kind === 'failed') text = failedText(t, toast.action, toast.count, locale, t(errorKey(toast.error)));
  else if (toast.kind === 'undo-failed') text = t('actions.undoFailed', { reason: t(errorKey(toast.error)) });
  else text = t('actions.callFailed', { reason: t(errorKey(toast.error)) });
  const undoTaskId = toast.kind === 'done' ? toast.undoTaskId : null;

  return (
    <div className={isError ? 'toast toast--compact toast--error action-toast' : 'toast toast--compact action-toast'} role={isError ? 'alert' : 'status'} data-testid="action-toast">
      <span className="toast__text">{text}</span>
      {undoTaskId !== null && (
        <button type="button" className="toast__action" onClick={() => void undoAction(undoTaskId)} title="Ctrl+Z">
          {t('actions.undo')}
        </button>
      )}
      <button type="button" className="toast__close" aria-label={t('actions.dismiss')} title={t('actions.dismiss')} onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/**
 * The action toasts, bottom centre, where the composer's sending notices also appear (the two rarely meet: a send and
 * an action within seconds); the bottom corners hold the composer and the notification prompt.
 */
export function ActionToasts() {
  const toasts = useActionsStore((state) => state.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

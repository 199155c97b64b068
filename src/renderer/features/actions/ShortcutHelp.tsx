import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useActionsStore } from './actionsStore';
import { SHORTCUT_HELP } from './shortcuts';

/** The "?" overlay: every key the list and the reader answer to. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const close = () => useActionsStore.getState().set({ helpOpen: false });
  return (
    <Dialog title={t('actions.help.title')} closeLabel={t('actions.help.close')} onClose={close}>
      <dl className="shortcut-help">
        {SHORTCUT_HELP.map(({ keys, command }) => (
          <Fragment key={command}>
            <dt className="shortcut-help__keys">
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd className="shortcut-help__what">{t(`actions.help.${command}`)}</dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}

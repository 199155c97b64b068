import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { AccountList } from '../accounts/AccountList';
import { useSettingsDialog, type SettingsTab } from './dialogStore';
import { GeneralSettings } from './GeneralSettings';

const TABS: readonly SettingsTab[] = ['general', 'accounts'];

export function SettingsDialog() {
  const { t } = useTranslation();
  const open = useSettingsDialog((state) => state.open);
  const show = useSettingsDialog((state) => state.show);
  const close = useSettingsDialog((state) => state.close);
  if (!open) return null;
  return (
    <Dialog title={t('settings.title')} closeLabel={t('settings.close')} onClose={close} wide>
      <div className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`settings-tab-${tab}`}
            aria-selected={open.tab === tab}
            aria-controls="settings-panel"
            className={open.tab === tab ? 'tab tab--selected' : 'tab'}
            onClick={() => show(tab)}
          >
            {t(tab === 'general' ? 'settings.generalTab' : 'settings.accountsTab')}
          </button>
        ))}
      </div>
      <div id="settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${open.tab}`} className="tab-panel">
        {open.tab === 'general' ? <GeneralSettings /> : <AccountList initialEditId={open.editAccountId} />}
      </div>
    </Dialog>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './components/EmptyState';
import { AccountForm } from './features/accounts/AccountForm';
import { ActionsHost } from './features/actions/ActionsHost';
import { useAccounts, useAccountsLoaded, useAccountsStore } from './features/accounts/accountsStore';
import { ComposerHost } from './features/composer/ComposerHost';
import { useComposeShortcuts } from './features/composer/useComposeShortcuts';
import { FolderPane } from './features/folders/FolderPane';
import { useMailboxStore } from './features/folders/mailboxStore';
import { MessageList } from './features/message-list/MessageList';
import { NotificationsHost } from './features/notifications/NotificationsHost';
import { Reader } from './features/reader/Reader';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { useSettings, useSettingsStore } from './features/settings/settingsStore';
import { switchLanguage } from './i18n';
import { coalesce } from './lib/coalesce';
import { errorKey } from './lib/errors';
import { useCoreEvent } from './lib/hooks';
import { pickUiLanguage } from './lib/locale';
import { useActivityReporting } from './features/activity/useActivityReporting';

/** Loads what every pane needs and keeps it current from the core's events. */
function useCoreData(): unknown {
  const [startupError, setStartupError] = useState<unknown>(null);
  const loadAccounts = useAccountsStore((state) => state.load);
  const loadSettings = useSettingsStore((state) => state.load);
  const { loadFolders, loadStatuses, applyStatus, loadSchedules, applySchedule } = useMailboxStore.getState();
  // Unread counts change with every batch a sync writes: one folder refetch per burst is enough.
  const refreshFolders = useMemo(() => coalesce(() => void loadFolders().catch(() => {}), 400), [loadFolders]);
  useEffect(() => () => refreshFolders.cancel(), [refreshFolders]);

  useEffect(() => {
    Promise.all([loadAccounts(), loadSettings(), loadFolders(), loadStatuses()]).catch(setStartupError);
    // The schedule only adds a hint to each account; the app works without it.
    loadSchedules().catch(() => {});
  }, [loadAccounts, loadSettings, loadFolders, loadStatuses, loadSchedules]);

  useCoreEvent('store:changed', (change) => {
    // A refetch that fails leaves the last good data on screen; the next change or sync tries again.
    const ignore = () => {};
    if (change.entity === 'account') {
      loadAccounts().catch(ignore);
      loadFolders().catch(ignore);
      loadStatuses().catch(ignore);
      loadSchedules().catch(ignore);
    } else if (change.entity === 'folder' || change.entity === 'message') {
      refreshFolders.trigger();
    } else if (change.entity === 'settings') {
      loadSettings().catch(ignore);
    }
  });
  useCoreEvent('sync:status', applyStatus);
  useCoreEvent('schedule:changed', applySchedule);
  return startupError;
}

/** The UI language follows the setting, or the OS when the setting is "automatic". */
function useLanguageSetting(): void {
  const { language } = useSettings();
  useEffect(() => {
    void switchLanguage(pickUiLanguage(language, navigator.languages ?? [navigator.language]));
  }, [language]);
}

export function App() {
  const { t } = useTranslation();
  const startupError = useCoreData();
  useLanguageSetting();
  useActivityReporting();
  useComposeShortcuts();
  const loaded = useAccountsLoaded();
  const accounts = useAccounts();

  if (startupError !== null) {
    return (
      <div className="app app--centered">
        <EmptyState icon="offline" title={t(errorKey(startupError))} />
      </div>
    );
  }
  if (!loaded) return <div className="app app--centered" aria-busy="true" />;
  if (accounts.length === 0) {
    return (
      <div className="app app--centered">
        <div className="welcome">
          <EmptyState icon="mail" title={t('accounts.empty')} hint={t('accounts.emptyHint')} />
          <div className="welcome__form">
            <AccountForm onDone={() => {}} />
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="app">
      <FolderPane />
      <MessageList />
      <Reader />
      <SettingsDialog />
      <NotificationsHost />
      <ComposerHost />
      <ActionsHost />
    </div>
  );
}

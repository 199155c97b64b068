import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useSettingsStore } from './features/settings/settingsStore';
import { startI18n } from './i18n';
import { pickUiLanguage } from './lib/locale';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/toast.css';
import './styles/folders.css';
import './styles/messageList.css';
import './styles/reader.css';
import './styles/settings.css';

async function start(): Promise<void> {
  // The settings come first so the first frame is already in the user's language; if the core cannot be
  // reached, the app still starts (in the OS language) and says what went wrong.
  const settings = await useSettingsStore
    .getState()
    .load()
    .then(() => useSettingsStore.getState().settings)
    .catch(() => null);
  await startI18n(pickUiLanguage(settings?.language ?? null, navigator.languages ?? [navigator.language]));
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();

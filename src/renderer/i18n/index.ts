import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import it from './it.json';
import type { UiLanguage } from '../lib/locale';

export const resources = { en: { translation: en }, it: { translation: it } } as const;

/** Starts i18next in the given language; both languages are bundled, so this never waits on the network. */
export async function startI18n(language: UiLanguage): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show "&amp;" to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  if (i18next.language === language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

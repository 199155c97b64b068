export type UiLanguage = 'en' | 'it';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'it'];

/** The UI language: the user's choice, else the OS language when we have it, else English. */
export function pickUiLanguage(chosen: UiLanguage | null, navigatorLanguages: readonly string[]): UiLanguage {
  if (chosen) return chosen;
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const match = UI_LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

/**
 * The locale for dates and numbers: the OS locale when it speaks the UI language (so en-GB keeps day-month
 * order), else the UI language itself (an Italian UI on an English OS formats dates in Italian).
 */
export function formattingLocale(uiLanguage: UiLanguage, navigatorLanguage: string | undefined): string {
  if (navigatorLanguage && navigatorLanguage.toLowerCase().split('-')[0] === uiLanguage) return navigatorLanguage;
  return uiLanguage;
}

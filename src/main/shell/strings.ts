/** The few words the shell shows itself (tray menu, warnings), in the OS language; the renderer has its own i18n. */
export interface ShellStrings {
  open: string;
  syncNow: string;
  pauseOneHour: string;
  pauseUntilTomorrow: string;
  /** "Resume notifications (paused until 14:30)": the time is already formatted. */
  resume(until: string): string;
  keepInTray: string;
  quit: string;
  /** Tray tooltip and Windows overlay text. */
  unread(count: number): string;
  plainTextVault: string;
  plainTextVaultDetail: string;
  dontWarnAgain: string;
}

const STRINGS: Record<'en' | 'it', ShellStrings> = {
  en: {
    open: 'Open Postino',
    syncNow: 'Sync now',
    pauseOneHour: 'Pause notifications for 1 hour',
    pauseUntilTomorrow: 'Pause notifications until tomorrow',
    resume: (until) => `Resume notifications (paused until ${until})`,
    keepInTray: 'Keep running in the tray when the window is closed',
    quit: 'Quit Postino',
    unread: (count) => (count === 1 ? 'Postino — 1 unread message' : `Postino — ${count} unread messages`),
    plainTextVault: 'Your passwords are stored without encryption',
    plainTextVaultDetail:
      'No system keyring (GNOME Keyring, KWallet) is available, so Postino can only obscure your mail passwords on disk, not encrypt them. Anyone who can read your files can read them. Install and unlock a keyring, then restart Postino.',
    dontWarnAgain: "Don't warn me again",
  },
  it: {
    open: 'Apri Postino',
    syncNow: 'Sincronizza ora',
    pauseOneHour: 'Sospendi le notifiche per 1 ora',
    pauseUntilTomorrow: 'Sospendi le notifiche fino a domani',
    resume: (until) => `Riattiva le notifiche (sospese fino alle ${until})`,
    keepInTray: "Resta attivo nell'area di notifica quando chiudi la finestra",
    quit: 'Esci da Postino',
    unread: (count) => (count === 1 ? 'Postino — 1 messaggio non letto' : `Postino — ${count} messaggi non letti`),
    plainTextVault: 'Le password sono salvate senza cifratura',
    plainTextVaultDetail:
      'Non è disponibile un portachiavi di sistema (GNOME Keyring, KWallet): Postino può solo offuscare le password della posta sul disco, non cifrarle. Chi può leggere i tuoi file può leggerle. Installa e sblocca un portachiavi, poi riavvia Postino.',
    dontWarnAgain: 'Non avvisarmi più',
  },
};

export function shellStrings(locale: string): ShellStrings {
  return locale.toLowerCase().startsWith('it') ? STRINGS.it : STRINGS.en;
}

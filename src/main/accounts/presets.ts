/**
 * Server settings of well-known providers, as they publish them (and as Thunderbird's ISPDB lists them, see
 * github.com/thunderbird/autoconfig). Every preset logs in with the full address as user name: the one
 * exception, iCloud IMAP, documents the full address as an accepted alternative to the local part.
 */
import type { ServerSettings } from '../../shared/types';

export interface ProviderPreset {
  /** Shown to the user as the source of the proposed settings. */
  label: string;
  /** Mail domains served by this provider (exact match). */
  domains: readonly string[];
  /** Parent domains whose every subdomain is served, e.g. Microsoft 365 tenants under onmicrosoft.com. */
  domainSuffixes?: readonly string[];
  imap: ServerSettings;
  smtp: ServerSettings;
}

const tls = (host: string, port: number): ServerSettings => ({ host, port, security: 'tls' });
const starttls = (host: string, port: number): ServerSettings => ({ host, port, security: 'starttls' });

export const PRESETS: readonly ProviderPreset[] = [
  {
    label: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    imap: tls('imap.gmail.com', 993),
    smtp: tls('smtp.gmail.com', 465),
  },
  {
    // Microsoft now requires OAuth2 for most of these mailboxes; a password login fails with auth-failed.
    label: 'Outlook.com',
    domains: [
      'outlook.com', 'outlook.it', 'outlook.de', 'outlook.fr', 'outlook.es',
      'hotmail.com', 'hotmail.it', 'hotmail.co.uk', 'hotmail.de', 'hotmail.fr', 'hotmail.es',
      'live.com', 'live.it', 'live.co.uk', 'live.de', 'live.fr', 'msn.com', 'windowslive.com',
    ],
    imap: tls('outlook.office365.com', 993),
    smtp: starttls('smtp-mail.outlook.com', 587),
  },
  {
    label: 'Microsoft 365',
    domains: ['office365.com'],
    domainSuffixes: ['onmicrosoft.com'],
    imap: tls('outlook.office365.com', 993),
    smtp: starttls('smtp.office365.com', 587),
  },
  {
    label: 'Yahoo Mail',
    domains: [
      'yahoo.com', 'yahoo.it', 'yahoo.de', 'yahoo.fr', 'yahoo.es', 'yahoo.co.uk', 'ymail.com', 'rocketmail.com',
      'myyahoo.com',
    ],
    imap: tls('imap.mail.yahoo.com', 993),
    smtp: tls('smtp.mail.yahoo.com', 465),
  },
  {
    label: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    imap: tls('imap.mail.me.com', 993),
    smtp: starttls('smtp.mail.me.com', 587),
  },
  {
    label: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
    imap: tls('imap.fastmail.com', 993),
    smtp: tls('smtp.fastmail.com', 465),
  },
  {
    // GMX runs two platforms: gmx.net/.de/.at/.ch on *.gmx.net, the international domains on *.gmx.com.
    label: 'GMX',
    domains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.eu'],
    imap: tls('imap.gmx.net', 993),
    smtp: tls('mail.gmx.net', 465),
  },
  {
    label: 'GMX',
    domains: ['gmx.com', 'gmx.it', 'gmx.us', 'gmx.co.uk', 'gmx.fr', 'gmx.es'],
    imap: tls('imap.gmx.com', 993),
    smtp: tls('mail.gmx.com', 465),
  },
  {
    label: 'Libero Mail',
    domains: ['libero.it', 'inwind.it', 'blu.it', 'iol.it', 'giallo.it'],
    imap: tls('imapmail.libero.it', 993),
    smtp: tls('smtp.libero.it', 465),
  },
  {
    label: 'Virgilio Mail',
    domains: ['virgilio.it'],
    imap: tls('in.virgilio.it', 993),
    smtp: tls('out.virgilio.it', 465),
  },
  {
    label: 'Tiscali Mail',
    domains: ['tiscali.it'],
    imap: tls('imap.tiscali.it', 993),
    smtp: tls('smtp.tiscali.it', 465),
  },
  {
    // Aruba hosts customers' own domains too; those are found through the guess (imap.<domain> is not Aruba's).
    label: 'Aruba',
    domains: ['aruba.it'],
    imap: tls('imaps.aruba.it', 993),
    smtp: tls('smtps.aruba.it', 465),
  },
  {
    // PEC (Italian certified mail) boxes on Aruba's pec.it domain live on a separate platform.
    label: 'Aruba PEC',
    domains: ['pec.it'],
    imap: tls('imaps.pec.aruba.it', 993),
    smtp: tls('smtps.pec.aruba.it', 465),
  },
  {
    label: 'Yandex Mail',
    domains: ['yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru', 'narod.ru'],
    imap: tls('imap.yandex.com', 993),
    smtp: tls('smtp.yandex.com', 465),
  },
];

/** The preset serving a mail domain (lower-case, no trailing dot), or null. */
export function presetForDomain(domain: string): ProviderPreset | null {
  return (
    PRESETS.find(
      (preset) =>
        preset.domains.includes(domain) || (preset.domainSuffixes ?? []).some((suffix) => domain.endsWith(`.${suffix}`)),
    ) ?? null
  );
}

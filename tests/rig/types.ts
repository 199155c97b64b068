/** What a running rig tells tests and scripts: where its servers listen and how to trust them. */
export interface RigInfo {
  host: '127.0.0.1';
  /** IMAP, plain + STARTTLS. */
  imapPort: number;
  /** IMAP over implicit TLS. */
  imapsPort: number;
  /** Postfix submission: STARTTLS required, then SASL AUTH with a rig user's password. */
  smtpPort: number;
  /** Postfix, implicit TLS + SASL AUTH. */
  smtpsPort: number;
  /** Postfix plain SMTP without AUTH, accepting mail from anyone on loopback: what `deliver` uses. */
  mxPort: number;
  lmtpPort: number;
  /** A Dovecot listener on the same ports whose CAPABILITY lacks IMAP4rev1. */
  noRev1Host: string;
  domain: string;
  /** The rig's root directory. */
  dir: string;
  /** Self-signed certificate, SAN IP:127.0.0.1, DNS:localhost. */
  certPem: string;
  /** SHA-256 fingerprint of the certificate, "AB:CD:…" upper-case with colons. */
  certSha256: string;
  /** Dovecot's log: one `Login:` line per login, one `Debug: … SELECT` line per finished SELECT command. */
  dovecotLog: string;
}

export interface TestUser {
  address: string;
  /** The IMAP/SMTP login name: the full address. */
  username: string;
  password: string;
  /** The user's Maildir (INBOX); other folders are Maildir++ subfolders `.Name`. */
  maildir: string;
}

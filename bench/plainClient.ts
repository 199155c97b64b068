import { ImapFlow } from 'imapflow';
import type { RigInfo, TestUser } from '../tests/rig';

/** A bare imapflow client of a rig user over plain IMAP without STARTTLS, as mbsync's SSLType None: the protocol, not Dovecot's TLS. */
export function plainClient(rig: RigInfo, user: TestUser): ImapFlow {
  return new ImapFlow({
    host: rig.host, port: rig.imapPort, secure: false, doSTARTTLS: false,
    auth: { user: user.username, pass: user.password }, logger: false,
  });
}

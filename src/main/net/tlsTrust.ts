/**
 * One rule for every TLS connection the core opens (IMAP, SMTP): trust the system CAs and the host name, or, when
 * the user pinned a certificate for the account, exactly that certificate and nothing else.
 *
 * The handshake runs with `rejectUnauthorized: false` so that the verdict is ours and is reached before the
 * connection is handed to the protocol library: nothing (no greeting read, no credential written) crosses a
 * connection that fails the check. Deciding after the handshake also keeps the presented certificate at hand, so
 * a refusal can tell the user which fingerprint to compare, without a second connection.
 */
import { createHash } from 'node:crypto';
import tls, { type ConnectionOptions, type TLSSocket } from 'node:tls';

/** Our own code for "a certificate was pinned and the server presented another one". */
export const PIN_MISMATCH_CODE = 'ERR_CERT_PIN_MISMATCH';

/** A certificate refused by {@link checkPeerTrust}: `code` is OpenSSL's/Node's reason, or {@link PIN_MISMATCH_CODE}. */
export interface UntrustedCertificateError extends Error {
  code: string;
  /** SHA-256 of the leaf certificate the server presented, "AB:CD:…". */
  fingerprintSha256: string;
}

/** SHA-256 of a DER certificate in the "AB:CD:…" form browsers and `openssl x509 -fingerprint` print. */
export function fingerprintSha256(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** Normalises a fingerprint the user pasted ("ab cd…", "abcd…", "AB:CD:…") to the canonical form, or null. */
export function normaliseFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}

/**
 * The verdict on a completed handshake: null when the connection may be used, else the error to destroy it with.
 * `socket.authorized` already includes Node's host name check (it runs when the chain verifies).
 */
export function checkPeerTrust(socket: TLSSocket, pinnedCertSha256: string | null): UntrustedCertificateError | null {
  const der = socket.getPeerCertificate().raw as Buffer | undefined;
  const presented = der ? fingerprintSha256(der) : '';
  if (pinnedCertSha256) {
    if (presented === normaliseFingerprint(pinnedCertSha256)) return null;
    return untrusted(PIN_MISMATCH_CODE, `the certificate does not match the pinned ${pinnedCertSha256}`, presented);
  }
  if (socket.authorized) return null;
  const reason = String(socket.authorizationError ?? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  return untrusted(reason, `certificate refused (${reason})`, presented);
}

/** `tls.connect`, but `onTrusted` runs only for a peer that passes {@link checkPeerTrust}; others are destroyed. */
export function connectTrustedTls(
  options: ConnectionOptions,
  pinnedCertSha256: string | null,
  onTrusted: () => void,
): TLSSocket {
  const socket = tls.connect({ ...options, rejectUnauthorized: false }, () => {
    const refusal = checkPeerTrust(socket, pinnedCertSha256);
    if (refusal) socket.destroy(refusal);
    else onTrusted();
  });
  return socket;
}

function untrusted(code: string, message: string, fingerprint: string): UntrustedCertificateError {
  return Object.assign(new Error(message), { code, fingerprintSha256: fingerprint });
}

/**
 * SMTP submission with the same trust rule as IMAP (src/main/net/tlsTrust.ts): system CAs and the host name, or
 * exactly the pinned certificate. nodemailer opens its TLS sockets itself, so a pin is expressed in its `tls`
 * options: the pinned certificate, read from the server and checked against the pin first, becomes the only
 * trust anchor, and `checkServerIdentity` compares the fingerprint again on the real handshake.
 */
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { PostinoError } from '../../shared/errors';
import { classifyError, type ErrorPlace } from '../imap/classifyError';
import type { ImapEndpoint } from '../imap/connect';
import { fingerprintSha256, normaliseFingerprint, PIN_MISMATCH_CODE } from '../net/tlsTrust';
import { fetchSmtpCertificateChain } from './peerCertificate';
import { announcedMaxSize } from './sizeLimit';

/** Same fields as an IMAP endpoint: host, port, security, credentials and the optional pin. */
export type SmtpEndpoint = ImapEndpoint;

export type SmtpTransport = ReturnType<typeof nodemailer.createTransport>;

export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

/**
 * A nodemailer transport for sending. Async because a pinned certificate is read from the server first; that
 * read fails as a classified PostinoError, while the transport's own failures come from `sendMail`/`verify`.
 */
export async function createSmtpTransport(
  endpoint: SmtpEndpoint,
  opts: { timeoutMs?: number; socketTimeoutMs?: number } = {},
): Promise<SmtpTransport> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  // Without TLS there is no certificate to pin: the account's pin concerns its other, encrypted, server.
  const { security, pinnedCertSha256 } = endpoint;
  let tls: ConnectionOptions = {};
  if (pinnedCertSha256 && security !== 'none') {
    try {
      tls = await pinnedTlsOptions(endpoint, security, timeoutMs);
    } catch (err) {
      throw classifyError(err, { protocol: 'SMTP', host: endpoint.host, port: endpoint.port });
    }
  }
  return nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    // RFC 3207: with STARTTLS asked for, refuse to go on in clear if the server does not offer it.
    requireTLS: endpoint.security === 'starttls',
    ignoreTLS: endpoint.security === 'none',
    auth: { user: endpoint.username, pass: endpoint.password },
    // A server that does not advertise AUTH must still prove the password; otherwise verify() would pass blind.
    forceAuth: true,
    tls,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    ...(opts.socketTimeoutMs ? { socketTimeout: opts.socketTimeoutMs } : {}),
    logger: false,
  });
}

/** What a successful SMTP login learnt about the server. */
export interface SmtpFacts {
  /** The SIZE limit its EHLO announced (RFC 1870), null when none. */
  maxSize: number | null;
}

/**
 * Connects, starts TLS as configured, logs in and reads the size limit; throws PostinoError with a classified
 * code. The session is driven with SMTPConnection (as the sender does) because the transport's verify() keeps the
 * EHLO answer to itself.
 */
export async function verifySmtp(endpoint: SmtpEndpoint, opts: { timeoutMs?: number } = {}): Promise<SmtpFacts> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  const place: ErrorPlace = { protocol: 'SMTP', host: endpoint.host, port: endpoint.port };
  let connection: SMTPConnection | undefined;
  try {
    // The whole session is short: a server that stops answering mid-dialogue fails as a timeout.
    const transport = await createSmtpTransport(endpoint, { timeoutMs, socketTimeoutMs: timeoutMs });
    const options = (transport.transporter as SMTPTransport).options;
    transport.close();
    const session = new SMTPConnection(options);
    connection = session;
    await new Promise<void>((resolve, reject) => {
      session.once('error', reject);
      session.once('end', () => reject(new Error('The SMTP server closed the connection')));
      session.connect((connectError) => {
        if (connectError) return reject(connectError);
        // forceAuth: a server that does not advertise AUTH must still prove the password.
        session.login(options.auth as SMTPConnection.Credentials, (loginError) => (loginError ? reject(loginError) : resolve()));
      });
    });
    return { maxSize: announcedMaxSize(session) };
  } catch (err) {
    throw classifyError(await withPresentedFingerprint(err, endpoint, timeoutMs), place);
  } finally {
    const closing = connection;
    if (closing) {
      // A late failure of the goodbye is no news: the answer is already given.
      closing.on('error', () => undefined);
      closing.quit();
      setTimeout(() => closing.close(), 2_000).unref();
    }
  }
}

async function pinnedTlsOptions(
  endpoint: SmtpEndpoint,
  security: 'tls' | 'starttls',
  timeoutMs: number,
): Promise<ConnectionOptions> {
  const pin = normaliseFingerprint(endpoint.pinnedCertSha256 ?? '');
  if (!pin) {
    throw new PostinoError('invalid-input', 'The pinned certificate must be a SHA-256 fingerprint', {
      field: 'pinnedCertSha256',
    });
  }
  const { host, port } = endpoint;
  const chain = await fetchSmtpCertificateChain({ host, port, security, timeoutMs });
  const presented = fingerprintSha256(chain[0] ?? Buffer.alloc(0));
  if (presented !== pin) throw pinMismatch(presented, pin);
  return {
    ca: chain.map((der) => new X509Certificate(der).toString()),
    // Replaces the host name check: the user trusted this certificate, whatever names it carries.
    checkServerIdentity: (_host: string, cert: PeerCertificate) => {
      const fingerprint = fingerprintSha256(cert.raw);
      return fingerprint === pin ? undefined : pinMismatch(fingerprint, pin);
    },
  };
}

/** A certificate refusal from nodemailer lacks the certificate; read it so the user can decide to trust it. */
async function withPresentedFingerprint(err: unknown, endpoint: SmtpEndpoint, timeoutMs: number): Promise<unknown> {
  const refusal = classifyError(err, { protocol: 'SMTP', host: endpoint.host, port: endpoint.port });
  if (refusal.code !== 'tls-untrusted' || refusal.details?.fingerprintSha256 || endpoint.security === 'none') {
    return err;
  }
  try {
    const { host, port, security } = endpoint;
    const chain = await fetchSmtpCertificateChain({ host, port, security, timeoutMs });
    return Object.assign(err as object, { fingerprintSha256: fingerprintSha256(chain[0] ?? Buffer.alloc(0)) });
  } catch {
    return err;
  }
}

function pinMismatch(presented: string, pin: string): Error {
  return Object.assign(new Error(`the certificate ${presented} does not match the pinned ${pin}`), {
    code: PIN_MISMATCH_CODE,
    fingerprintSha256: presented,
  });
}

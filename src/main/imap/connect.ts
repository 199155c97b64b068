/**
 * Opens a logged-in IMAP session. Every connection of the app goes through here, so the TLS policy (system CAs,
 * or exactly the pinned certificate) and the error classification are the same for the account dialog and sync.
 */
import net from 'node:net';
import { ImapFlow, type ImapTransport } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import type { Security } from '../../shared/types';
import { connectTrustedTls } from '../net/tlsTrust';
import { classifyError } from './classifyError';

export interface ImapEndpoint {
  host: string;
  port: number;
  security: Security;
  username: string;
  password: string;
  /** Trust exactly this certificate ("AB:CD:…" SHA-256) instead of the system CAs. */
  pinnedCertSha256: string | null;
}

/** Connect, greeting, STARTTLS and login together must finish within this many milliseconds. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

/**
 * Connects and logs in; throws PostinoError with a classified code. The returned client already has an 'error'
 * listener (imapflow emits one before closing a broken connection); callers watch 'close' to notice the end.
 */
export async function connectImap(endpoint: ImapEndpoint, opts: { timeoutMs?: number } = {}): Promise<ImapFlow> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const place = { protocol: 'IMAP', host: endpoint.host, port: endpoint.port } as const;
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    // true: never send the password in clear when STARTTLS was asked for; false: the user chose no encryption.
    doSTARTTLS: endpoint.security === 'tls' ? undefined : endpoint.security === 'starttls',
    auth: { user: endpoint.username, pass: endpoint.password },
    logger: false,
    clientInfo: { name: 'Postino' },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    transport: trustedTransport(endpoint.pinnedCertSha256),
    // ENABLE QRESYNC where offered (RFC 7162): a resync then learns flag changes and expunges inside its SELECT.
    qresync: true,
  });
  client.on('error', () => {
    // Reported through the rejected connect() or the failing command; the listener only keeps Node from
    // treating the event as an uncaught exception.
  });

  try {
    await withDeadline(client.connect(), timeoutMs, () => client.close());
  } catch (err) {
    client.close();
    throw classifyError(err, place);
  }
  if (!client.capabilities.has('IMAP4rev1') && !client.capabilities.has('IMAP4rev2')) {
    client.close();
    throw new PostinoError(
      'not-imap4rev1',
      `IMAP server ${endpoint.host}:${endpoint.port} does not announce IMAP4rev1 or IMAP4rev2`,
    );
  }
  return client;
}

/**
 * imapflow's transport hook is the one place where both the implicit-TLS socket and the STARTTLS upgrade are
 * opened, so the trust decision sits there and runs before imapflow reads the greeting or sends the password.
 */
function trustedTransport(pinnedCertSha256: string | null): ImapTransport {
  return {
    connect(options, onConnect) {
      const { host, port, servername, tls } = options;
      if (!options.secure) return net.connect({ host, port }, onConnect);
      return connectTrustedTls({ ...tls, host, port, servername }, pinnedCertSha256, onConnect);
    },
    upgrade(socket, options, onSecure) {
      const { host, port, servername, tls } = options;
      return connectTrustedTls({ ...tls, socket: socket as net.Socket, host, port, servername }, pinnedCertSha256, onSecure);
    },
  };
}

/** imapflow bounds each phase on its own; a server that greets and then never answers LOGIN needs this bound. */
async function withDeadline<T>(work: Promise<T>, timeoutMs: number, onExpiry: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpiry();
      reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

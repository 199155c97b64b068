/**
 * The network side of discovery: SRV lookups and a quick "does a mail server answer here" probe. The probe
 * neither trusts nor sends anything; whether the certificate is trusted is decided later, at login.
 */
import { promises as dns } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import type { ServerSettings } from '../../shared/types';
import type { DiscoveryDeps, SrvRecord } from './discover';

export function createNetworkDiscoveryDeps(options: { timeoutMs: number }): DiscoveryDeps {
  return {
    resolveSrv: resolveSrvOrNone,
    isReachable: (server) => answers(server, options.timeoutMs),
  };
}

async function resolveSrvOrNone(name: string): Promise<SrvRecord[]> {
  try {
    return await dns.resolveSrv(name);
  } catch {
    // NXDOMAIN, NODATA, or a resolver that cannot be reached: in every case there is nothing to propose from DNS.
    return [];
  }
}

/** Implicit TLS: the handshake completes. STARTTLS or none: the server sends its greeting first (RFC 9051, 5321). */
export function answers(server: ServerSettings, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const { host, port } = server;
    const socket =
      server.security === 'tls'
        ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false })
        : net.connect({ host, port });
    const finish = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    if (server.security === 'tls') socket.once('secureConnect', () => finish(true));
    else socket.once('data', () => finish(true));
  });
}

/**
 * Reads the certificate chain an SMTP server presents, without trusting it and without logging in. nodemailer
 * opens its TLS sockets itself (the STARTTLS upgrade offers no hook), so the certificate it refused is not at hand
 * afterwards: this second, credential-free look is how a refusal gets the fingerprint the user must compare, and
 * how a pinned certificate becomes the one trust anchor of the real session.
 */
import net from 'node:net';
import tls, { type DetailedPeerCertificate } from 'node:tls';
import type { Security } from '../../shared/types';

export interface ProbeTarget {
  host: string;
  port: number;
  security: Exclude<Security, 'none'>;
  timeoutMs: number;
}

/** The DER certificates the server presented, leaf first. */
export async function fetchSmtpCertificateChain(target: ProbeTarget): Promise<Buffer[]> {
  const plain = target.security === 'starttls' ? await openStartTls(target) : undefined;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      socket: plain,
      servername: net.isIP(target.host) ? undefined : target.host,
      rejectUnauthorized: false,
    });
    socket.setTimeout(target.timeoutMs, () => socket.destroy(timeoutError(target)));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      resolve(chainOf(socket.getPeerCertificate(true)));
      socket.destroy();
    });
  });
}

/** Greeting, EHLO, STARTTLS (RFC 3207 §4): the shortest dialogue after which the server starts TLS. */
async function openStartTls(target: ProbeTarget): Promise<net.Socket> {
  const socket = net.connect({ host: target.host, port: target.port });
  socket.setTimeout(target.timeoutMs, () => socket.destroy(timeoutError(target)));
  const replies = replyReader(socket);
  try {
    await replies.expect(220);
    // An address literal is what RFC 5321 §4.1.4 asks of a client without a meaningful host name.
    socket.write('EHLO [127.0.0.1]\r\n');
    await replies.expect(250);
    socket.write('STARTTLS\r\n');
    await replies.expect(220);
  } catch (err) {
    socket.destroy();
    throw err;
  }
  replies.detach();
  socket.setTimeout(0);
  return socket;
}

/** Reads complete SMTP replies: a reply ends at the line whose fourth character is a space (RFC 5321 §4.2.1). */
function replyReader(socket: net.Socket) {
  let buffered = '';
  let waiter: { code: number; resolve: () => void; reject: (err: Error) => void } | null = null;
  const settle = () => {
    if (!waiter) return;
    const lines = buffered.split('\r\n');
    // The last element is an unfinished line: only terminated lines count.
    const last = lines.slice(0, -1).findIndex((line) => /^\d{3}( |$)/.test(line));
    if (last < 0) return;
    const replyCode = Number(lines[last]!.slice(0, 3));
    buffered = lines.slice(last + 1).join('\r\n');
    const current = waiter;
    waiter = null;
    if (replyCode === current.code) current.resolve();
    else current.reject(new Error(`SMTP reply ${lines[last]} while waiting for ${current.code}`));
  };
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    settle();
  };
  const onFailure = (err?: Error) => {
    waiter?.reject(err ?? Object.assign(new Error('connection closed'), { code: 'ECONNRESET' }));
    waiter = null;
  };
  const onClose = () => onFailure();
  socket.on('data', onData);
  socket.on('error', onFailure);
  socket.on('close', onClose);
  return {
    expect: (code: number) =>
      new Promise<void>((resolve, reject) => {
        waiter = { code, resolve, reject };
        settle();
      }),
    detach() {
      socket.off('data', onData);
      socket.off('error', onFailure);
      socket.off('close', onClose);
    },
  };
}

function chainOf(leaf: DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  let cert: DetailedPeerCertificate | undefined = leaf;
  // A self-signed certificate is its own issuer: Node links it to itself, which ends the walk.
  while (cert?.raw && !chain.some((der) => der.equals(cert!.raw))) {
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

function timeoutError(target: ProbeTarget): Error {
  return Object.assign(new Error(`no answer from ${target.host}:${target.port}`), { code: 'ETIMEDOUT' });
}
